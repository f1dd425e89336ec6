/**
 * Rendering of command results as text or JSON; every command prints through it.
 */
package io.dicomreg.output;
