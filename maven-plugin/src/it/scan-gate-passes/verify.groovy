def support = evaluate(new File(itSources, 'support.groovy'))

// deploy, then register, then scan: all in the deploy phase, in the order listed
assert support.goalRan('register')
assert support.goalRan('scan')
String log = support.buildLog()
int deployed = log.indexOf('maven-deploy-plugin:3.2.0:deploy') >= 0 ? log.indexOf('maven-deploy-plugin:3.2.0:deploy')
        : log.indexOf('deploy:3.2.0:deploy')
int registered = log.indexOf('Prisma registry entry ADDED')
int passed = log.indexOf('Prisma scan PASSED')
assert deployed >= 0 && registered > deployed && passed > registered

// the Console was asked to scan exactly this image, on demand
List imageScans = support.scans().findAll { it.scope == 'IMAGE' && it.repository == 'it-scan/clean' }
assert imageScans.size() == 1
assert imageScans[0].tag == '1.0.0' && imageScans[0].onDemand

def result = support.scanResult()
assert result.verdict == 'PASSED'
assert result.counts.total == 0
assert result.policy.failOnSeverity == 'low'
File reports = new File(basedir, 'target/prisma-registry')
['scan-result.json', 'scan-result.sarif.json', 'scan-result.junit.xml', 'scan-summary.md'].each {
    assert new File(reports, it).isFile(): "report ${it} missing"
}
// register's own result file is still there, beside the reports
assert support.result().action == 'ADDED'
support.assertNoSecretsWritten()
true
