def support = evaluate(new File(itSources, 'support.groovy'))

String log = support.buildLog()
assert log.contains('thread count of 2')
assert log.contains('Skipping prisma-registry:register: module warehouse has pom packaging')
assert support.entries('it-parallel/inventory').size() == 1
assert support.entries('it-parallel/shipping').size() == 1
support.assertSeedIntact()
['inventory', 'shipping'].each { module ->
    def result = new groovy.json.JsonSlurper().parse(new File(basedir, "${module}/target/prisma-registry/result.json"))
    assert result.action == 'ADDED'
    assert result.entry.repository == "it-parallel/${module}"
}
true
