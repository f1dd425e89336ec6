/**
 * Reading the files a user names, safely: only regular files, never more than a bound, so that a
 * FIFO, a device or a huge file is refused at once instead of hanging or exhausting memory.
 */
package io.dicomreg.files;
