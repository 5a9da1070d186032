// Shared by the setup and verify scripts: evaluate(new File(itSources, 'support.groovy')) returns an ItSupport.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

class ItSupport {
    final String url
    final File basedir
    final File seedSnapshot
    final List<String> canaries

    ItSupport(String url, File basedir, File seedSnapshot, List<String> canaries) {
        this.url = url
        this.basedir = basedir
        this.seedSnapshot = seedSnapshot
        this.canaries = canaries
    }

    List specifications() { admin('specifications') }

    List requests() { admin('requests') }

    private Object admin(String path) {
        new JsonSlurper().parse(new URL("${url}/_simulator/${path}"))
    }

    /** The simulator is started in the background by the outer build; wait until it answers. */
    void waitUntilUp(int seconds) {
        long deadline = System.currentTimeMillis() + seconds * 1000L
        Exception last = null
        while (System.currentTimeMillis() < deadline) {
            try {
                specifications()
                return
            } catch (Exception e) {
                last = e
                Thread.sleep(250)
            }
        }
        throw new IllegalStateException("console simulator at ${url} did not answer within ${seconds} s", last)
    }

    void saveSeed() {
        seedSnapshot.text = JsonOutput.toJson(specifications())
    }

    /** Every entry the simulator was seeded with is still there, unchanged, and only once. */
    void assertSeedIntact() {
        List seed = new JsonSlurper().parse(seedSnapshot)
        assert seed.size() == 2000
        Map<String, Integer> now = specifications().countBy { JsonOutput.toJson(it) }
        List missing = seed.findAll { !now.containsKey(JsonOutput.toJson(it)) }
        assert missing.isEmpty(): "${missing.size()} seeded entries vanished or changed, e.g. ${missing.take(3)}"
    }

    List entries(String repository) { specifications().findAll { it.repository == repository } }

    Map result() { new JsonSlurper().parse(new File(basedir, 'target/prisma-registry/result.json')) }

    String buildLog() { new File(basedir, 'build.log').getText('UTF-8') }

    /** Maven 3.8 names the plugin by artifactId, 3.9+ by prefix: accept both. */
    boolean goalRan(String goal) { buildLog() =~ /(prisma-registry-maven-plugin|prisma-registry):[^:\s]+:${goal}/ }

    void markRequests() { new File(basedir, 'requests-mark.txt').text = String.valueOf(requests().size()) }

    List requestsSinceMark() {
        int mark = new File(basedir, 'requests-mark.txt').text.trim() as int
        List all = requests()
        all.subList(mark, all.size())
    }

    List writesSinceMark() {
        requestsSinceMark().findAll { it.endpoint == 'settings/registry' && it.method in ['POST', 'PUT'] }
    }

    /** No canary secret in the build log or in anything the plugin wrote. */
    void assertNoSecretsWritten() {
        List<File> files = [new File(basedir, 'build.log')]
        File output = new File(basedir, 'target/prisma-registry')
        if (output.isDirectory()) {
            output.eachFileRecurse { if (it.isFile()) files << it }
        }
        files.each { file ->
            String text = file.getText('UTF-8')
            canaries.each { secret -> assert !text.contains(secret): "a secret leaked into ${file}" }
        }
    }
}

new ItSupport(simulatorUrl, basedir, new File(seedSnapshot), [simulatorPassword, simulatorToken, 'wrong-Canary-Pw-1234'])
