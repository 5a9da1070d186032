def support = evaluate(new File(itSources, 'support.groovy'))

assert support.buildLog().contains('Image registry.example.com/it-jib/payments:2.3.1 (from ')
def entries = support.entries('it-jib/payments')
assert entries.size() == 1
assert entries[0].registry == 'registry.example.com'
assert entries[0].tag == ''
assert support.result().action == 'ADDED'
support.assertNoSecretsWritten()
true
