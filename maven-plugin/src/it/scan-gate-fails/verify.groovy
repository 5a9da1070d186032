def support = evaluate(new File(itSources, 'support.groovy'))

assert support.goalRan('register')
assert support.goalRan('scan')
String log = support.buildLog()
assert log.indexOf('Prisma registry entry ADDED') < log.indexOf('Prisma scan FAILED')

// a policy failure, named as such, with the offending CVE: not an error, and not softened by failOnError=false
assert log.contains('Prisma scan gate FAILED for registry.example.com/it-scan/vulnerable:1.0.0')
assert log =~ /gate FAILED[^\n]*CVE-2024-3094/
assert !(log =~ /gate FAILED[^\n]*CVE-2019-9999/)
assert support.failedWith('MojoFailureException')
assert !support.failedWith('MojoExecutionException')
assert !log.contains('the build continues because failOnError is false')

def result = support.scanResult()
assert result.verdict == 'FAILED'
assert result.counted*.cve == ['CVE-2024-3094']
assert result.leftOut*.cve == ['CVE-2019-9999']
['scan-result.sarif.json', 'scan-result.junit.xml', 'scan-summary.md'].each {
    assert new File(basedir, "target/prisma-registry/${it}").isFile(): "report ${it} missing"
}
support.assertNoSecretsWritten()
true
