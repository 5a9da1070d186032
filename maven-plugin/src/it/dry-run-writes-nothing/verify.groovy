def support = evaluate(new File(itSources, 'support.groovy'))

assert support.buildLog().contains('DRY RUN, would be ADDED')
assert support.entries('it-dry-run/catalog').isEmpty()
assert support.writesSinceMark().isEmpty()
assert !support.requestsSinceMark().isEmpty() : 'a dry run still reads the list'
def result = support.result()
assert result.action == 'DRY_RUN'
assert result.plannedAction == 'ADDED'
assert result.changed == false
assert result.writes == 0
assert result.entriesAfter == result.entriesBefore
true
