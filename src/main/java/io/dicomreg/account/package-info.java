/**
 * Signing in and out as the commands and the walkthrough offer it.
 */
package io.dicomreg.account;
