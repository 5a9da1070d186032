def support = evaluate(new File(itSources, 'support.groovy'))

String log = support.buildLog()
assert log.contains('The image it-not-pushed/reports:0.9 in ')
assert log.contains('was not pushed to a registry')
assert log.contains('jib:dockerBuild')
assert support.requestsSinceMark().isEmpty()
assert !new File(basedir, 'target/prisma-registry/result.json').exists()
true
