// The image the pipeline just pushed: what the simulated registry holds, with no vulnerability.
def support = evaluate(new File(itSources, 'support.groovy'))
support.addImages([[registry: 'registry.example.com', repository: 'it-scan/clean', tag: '1.0.0']])
true
