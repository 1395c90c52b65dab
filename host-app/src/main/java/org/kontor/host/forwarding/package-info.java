/** Web and e-mail forwarding of customers' domains (TEC-1). */
package org.kontor.host.forwarding;
