def support = evaluate(new File(itSources, 'support.groovy'))

def entries = support.entries('it-token/pricing')
assert entries.size() == 1
assert entries[0].collections == ['it-payments', 'it-prod']
assert entries[0].cap == 0
def writes = support.writesSinceMark()
assert writes.size() == 1
assert String.valueOf(writes[0].query) =~ /scanLater[=:]true/
// a token is sent as it is: no login
assert !support.requestsSinceMark().any { it.endpoint == 'authenticate' }
assert support.result().scanLater == true
support.assertNoSecretsWritten()
true
