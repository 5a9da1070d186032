def support = evaluate(new File(itSources, 'support.groovy'))

String log = support.buildLog()
assert log.contains('HTTP 401')
assert log.contains("The credentials came from settings.xml <server> 'prisma-cloud-wrong-password'.")
assert support.requestsSinceMark().any { it.endpoint == 'authenticate' && it.status == 401 }
assert support.writesSinceMark().isEmpty()
assert support.entries('it-wrong-password/shipping').isEmpty()
support.assertNoSecretsWritten()
true
