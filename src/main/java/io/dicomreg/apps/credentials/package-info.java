/**
 * The tutorial's "Certificates &amp; secrets" step as services: client secrets through Graph's
 * {@code addPassword} and {@code removePassword}, certificates made locally and uploaded as key
 * credentials, each change additive.
 */
package io.dicomreg.apps.credentials;
