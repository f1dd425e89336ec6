/**
 * The Microsoft Graph client, built lazily, and the translation of Graph failures.
 */
package io.dicomreg.graph;
