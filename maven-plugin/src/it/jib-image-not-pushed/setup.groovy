def support = evaluate(new File(itSources, 'support.groovy'))
support.markRequests()
// What jib:dockerBuild leaves behind.
File target = new File(basedir, 'target')
target.mkdirs()
new File(target, 'jib-image.json').text = '{"image":"it-not-pushed/reports:0.9","imageId":"sha256:77aa","imagePushed":false}'
true
