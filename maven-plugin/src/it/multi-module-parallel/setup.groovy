File target = new File(basedir, 'shipping/target')
target.mkdirs()
new File(target, 'jib-image.json').text = '{"image":"registry.example.com/it-parallel/shipping:1.0.0","imagePushed":true}'
true
