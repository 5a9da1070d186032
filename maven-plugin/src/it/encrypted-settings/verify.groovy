def support = evaluate(new File(itSources, 'support.groovy'))

String log = support.buildLog()
assert log.contains("credentials from settings.xml <server> 'prisma-cloud-encrypted'")
assert support.entries('it-encrypted/billing').size() == 1
assert support.result().action == 'ADDED'
support.assertNoSecretsWritten()
true
