def support = evaluate(new File(itSources, 'support.groovy'))

['it-images/web', 'it-images/api', 'it-images/worker'].each { repository ->
    assert support.entries(repository).size() == 1 : "${repository} registered once"
}
def settings = support.requestsSinceMark().findAll { it.endpoint == 'settings/registry' }
assert settings.count { it.method == 'GET' } == 2 : 'one read for all three images and one verifying read'
assert settings.count { it.method == 'POST' } == 3
assert settings.count { it.method == 'PUT' } == 0
List results = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/prisma-registry/result.json'))
assert results*.action == ['ADDED', 'ADDED', 'ADDED']
assert results*.entry*.repository == ['it-images/web', 'it-images/api', 'it-images/worker']
assert results*.backupFile.unique().size() == 1 && new File(results[0].backupFile).isFile()
support.assertSeedIntact()
support.assertNoSecretsWritten()
true
