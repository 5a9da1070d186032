import groovy.json.JsonOutput
import groovy.json.JsonSlurper

def support = evaluate(new File(itSources, 'support.groovy'))

assert support.result().action == 'ADDED'
List now = support.tls.specifications()
assert now.count { it.registry == 'registry.example.com' && it.repository == 'it-tls/inventory' } == 1
List seed = new JsonSlurper().parse(new File(basedir, 'tls-seed.json'))
assert seed.size() == 300
Set present = now.collect { JsonOutput.toJson(it) } as Set
assert seed.every { present.contains(JsonOutput.toJson(it)) }: 'a seeded entry of the HTTPS console vanished or changed'
assert support.tls.requests().any { it.endpoint == 'settings/registry' && it.method == 'POST' && it.status == 200 }
support.assertNoSecretsWritten()
true
