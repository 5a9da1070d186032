// The image the pipeline just pushed carries a critical vulnerability (and a low one the gate lets through).
def support = evaluate(new File(itSources, 'support.groovy'))
support.addImages([[registry: 'registry.example.com', repository: 'it-scan/vulnerable', tag: '1.0.0',
        vulnerabilities: [
                [cve: 'CVE-2024-3094', severity: 'critical', cvss: 10.0, status: 'fixed in 5.6.2',
                 packageName: 'xz-utils', packageVersion: '5.6.0'],
                [cve: 'CVE-2019-9999', severity: 'negligible', cvss: 1.2, status: '',
                 packageName: 'tar', packageVersion: '1.34']]]])
true
