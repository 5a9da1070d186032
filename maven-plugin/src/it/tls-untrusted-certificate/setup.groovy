def support = evaluate(new File(itSources, 'support.groovy'))
support.tls.waitUntilUp(60)
true
