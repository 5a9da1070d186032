def support = evaluate(new File(itSources, 'support.groovy'))

assert support.buildLog().contains('Skipping prisma-registry:register: skip is true (prismaRegistry.skip)')
assert support.requestsSinceMark().isEmpty()
assert !new File(basedir, 'target/prisma-registry').exists()
true
