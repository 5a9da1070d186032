def support = evaluate(new File(itSources, 'support.groovy'))

String log = support.buildLog()
assert log.contains('is not trusted')
assert log.contains('caCertificate')
// The TLS handshake failed: the console never saw a request of this build, let alone a write.
assert support.tls.specifications().every { it.repository != 'it-tls-untrusted/ledger' }
support.assertNoSecretsWritten()
true
