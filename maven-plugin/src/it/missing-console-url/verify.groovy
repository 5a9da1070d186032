def support = evaluate(new File(itSources, 'support.groovy'))

String log = support.buildLog()
assert log.contains('Missing <consoleUrl>')
assert log.contains('-DprismaRegistry.consoleUrl=')
assert support.requestsSinceMark().isEmpty()
true
