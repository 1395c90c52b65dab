/**
 * Setting up the add-on services Kontor sells beside domains — e-mail, hosting packages, site builders (ADD-1, ADD-2):
 * a {@link org.kontor.api.provisioning.Provisioner} creates, suspends, unsuspends, terminates and changes the plan of
 * a service at a third party (a control panel, a mail platform). Every call carries an idempotency key and answers
 * with an outcome; what stays PENDING or UNDEFINED the host asks {@code status} about later.
 *
 * @since 1.7.0
 */
package org.kontor.api.provisioning;
