/**
 * Key material of the sandbox: its TLS certificate, certificate parsing and the hashing of secrets.
 */
package io.dicomreg.sandbox.crypto;
