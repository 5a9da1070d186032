def support = evaluate(new File(itSources, 'support.groovy'))

// deploy ran first, then the registration in the same phase
assert new File(basedir, 'target/deployed-repository/it/prismaregistry/orders-service/1.0.0/orders-service-1.0.0.jar').isFile()
assert support.goalRan('register')
String log = support.buildLog()
def deployed = log =~ /(maven-deploy-plugin|deploy):3\.2\.0:deploy/
assert deployed.find()
assert deployed.start() < log.indexOf('Prisma registry entry ADDED')

def entries = support.entries('it-deploy/orders')
assert entries.size() == 1
assert entries[0].registry == 'registry.example.com'
assert entries[0].tag == ''

def result = support.result()
assert result.action == 'ADDED'
assert result.changed == true
assert result.entry.repository == 'it-deploy/orders'
assert result.entriesAfter == result.entriesBefore + 1
assert result.backupFile != null && new File(result.backupFile).isFile()
support.assertNoSecretsWritten()
true
