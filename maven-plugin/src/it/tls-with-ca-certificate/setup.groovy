def support = evaluate(new File(itSources, 'support.groovy'))
support.tls.waitUntilUp(60)
new File(basedir, 'tls-seed.json').text = groovy.json.JsonOutput.toJson(support.tls.specifications())
true
