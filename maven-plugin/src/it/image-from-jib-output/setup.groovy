// What jib:build leaves behind after pushing the image.
File target = new File(basedir, 'target')
target.mkdirs()
new File(target, 'jib-image.json').text = '''{"image":"registry.example.com/it-jib/payments:2.3.1",\
"imageId":"sha256:5b0d8b8c8a4e","imageDigest":"sha256:0f3c1dd4ae7b","tags":["2.3.1","latest"],"imagePushed":true}'''
true
