/**
 * Where dicomreg connects (cloud, custom endpoints or the sandbox) and where it keeps its files.
 */
package io.dicomreg.config;
