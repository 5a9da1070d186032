evaluate(new File(itSources, 'support.groovy')).markRequests()
true
