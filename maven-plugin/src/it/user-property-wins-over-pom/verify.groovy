def support = evaluate(new File(itSources, 'support.groovy'))

String log = support.buildLog()
assert log.contains('[INFO] -DprismaRegistry.consoleUrl on the command line wins over <consoleUrl> in the POM: using '
        + simulatorUrl + ', not http://127.0.0.1:1')
assert log.contains('[INFO] -DprismaRegistry.scanLater on the command line wins over <scanLater> in the POM: using true, not false')
assert log.contains('Prisma registry entry ADDED')
def entries = support.entries('it-user-property-wins/ledger')
assert entries.size() == 1
def result = support.result()
assert result.action == 'ADDED'
assert result.consoleUrl == simulatorUrl
assert result.scanLater == true
support.assertSeedIntact()
support.assertNoSecretsWritten()
true
