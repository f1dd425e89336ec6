/**
 * The tutorial's application registration steps as services, shared by commands, the walkthrough
 * and script replay.
 */
package io.dicomreg.apps;
