/**
 * Helpers the {@code ./dicomreg} launcher runs on the extracted jar before its first start; plain
 * JDK code, no Spring and no other dicomreg package.
 */
package io.dicomreg.launch;
