/**
 * The HTTPS transport of the sandbox: request and response values, routing between sign-in and Graph, the request
 * log and injected faults.
 */
package io.dicomreg.sandbox.http;
