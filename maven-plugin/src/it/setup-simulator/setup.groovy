def support = evaluate(new File(itSources, 'support.groovy'))
support.waitUntilUp(60)
support.saveSeed()
true
