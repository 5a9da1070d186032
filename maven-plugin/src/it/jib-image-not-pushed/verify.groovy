def support = evaluate(new File(itSources, 'support.groovy'))

String log = support.buildLog()
assert log.contains('The image it-not-pushed/reports:0.9 in ')
assert log.contains('was not pushed to a registry')
assert log.contains('jib:dockerBuild')
assert support.requestsSinceMark().isEmpty()
// A failed run still writes its own result, so a later step cannot mistake an older one for it.
def result = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/prisma-registry/result.json'))
assert result.action == 'FAILED'
assert result.changed == false
assert result.errorType == 'MojoFailureException'
assert result.message.contains('was not pushed to a registry')
true
