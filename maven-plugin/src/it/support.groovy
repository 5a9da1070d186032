// Shared by the setup and verify scripts: evaluate(new File(itSources, 'support.groovy')) returns an ItSupport.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

class ItSupport {
    final File basedir
    final File seedSnapshot
    final List<String> canaries
    /** The simulator most tests use, over plain HTTP. */
    final SimulatorAdmin console
    /** The second simulator, served over HTTPS with its own CA. */
    final SimulatorAdmin tls

    ItSupport(File basedir, File seedSnapshot, List<String> canaries, SimulatorAdmin console, SimulatorAdmin tls) {
        this.basedir = basedir
        this.seedSnapshot = seedSnapshot
        this.canaries = canaries
        this.console = console
        this.tls = tls
    }

    List specifications() { console.specifications() }

    List requests() { console.requests() }

    /** The simulator is started in the background by the outer build; wait until it answers. */
    void waitUntilUp(int seconds) { console.waitUntilUp(seconds) }

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

    /** The simulator's record of started scans. */
    List scans() { console.scans() }

    /** Puts images into the simulator's image catalogue (what its registries hold), for the scan goal. */
    void addImages(List images) { console.post('images', images) }

    Map scanResult() { new JsonSlurper().parse(new File(basedir, 'target/prisma-registry/scan-result.json')) }

    /** Maven names the exception type of a failed goal in its help link; a gate failure must be a MojoFailureException. */
    boolean failedWith(String exceptionType) { buildLog().contains("/MAVEN/${exceptionType}") }

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

/** A simulator's admin endpoints; over HTTPS through a client that trusts only the simulator's CA file. */
class SimulatorAdmin {
    final String url
    /** null for plain HTTP */
    final File caFile

    SimulatorAdmin(String url, File caFile) {
        this.url = url
        this.caFile = caFile
    }

    List specifications() { admin('specifications') }

    List requests() { admin('requests') }

    List scans() { admin('scans') }

    /** POSTs JSON to an admin endpoint (plain HTTP simulators only, which is all the scan tests need). */
    void post(String path, Object body) {
        def connection = (HttpURLConnection) new URL("${url}/_simulator/${path}").openConnection()
        connection.requestMethod = 'POST'
        connection.doOutput = true
        connection.setRequestProperty('Content-Type', 'application/json')
        connection.outputStream.withCloseable { it.write(JsonOutput.toJson(body).getBytes('UTF-8')) }
        int status = connection.responseCode
        assert status == 200: "POST ${path} answered ${status}: ${connection.errorStream?.text}"
    }

    private Object admin(String path) {
        def connection = new URL("${url}/_simulator/${path}").openConnection()
        if (caFile != null) {
            ((javax.net.ssl.HttpsURLConnection) connection).SSLSocketFactory = trusting()
        }
        connection.inputStream.withCloseable { new JsonSlurper().parse(it) }
    }

    private javax.net.ssl.SSLSocketFactory trusting() {
        def certificate = java.security.cert.CertificateFactory.getInstance('X.509').generateCertificate(new FileInputStream(caFile))
        def store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType())
        store.load(null, null)
        store.setCertificateEntry('simulator-ca', certificate)
        def trust = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm())
        trust.init(store)
        def context = javax.net.ssl.SSLContext.getInstance('TLS')
        context.init(null, trust.trustManagers, null)
        context.socketFactory
    }

    /** The outer build starts the simulator in the background (an HTTPS one writes its CA file once started). */
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
}

new ItSupport(basedir, new File(seedSnapshot), [simulatorPassword, simulatorToken, 'wrong-Canary-Pw-1234'],
        new SimulatorAdmin(simulatorUrl, null), new SimulatorAdmin(simulatorTlsUrl, new File(simulatorTlsCa)))
