def support = evaluate(new File(itSources, 'support.groovy'))

String log = support.buildLog()
assert log.contains('Prisma registry entry ADDED')
assert log.contains('Prisma registry entry REMOVED')
assert support.entries('it-unregister/cart').isEmpty()
def result = support.result()
assert result.action == 'REMOVED'
assert result.entry.repository == 'it-unregister/cart'
assert result.entriesAfter == result.entriesBefore - 1
assert new File(result.backupFile).isFile()
support.assertSeedIntact()
support.assertNoSecretsWritten()
true
