package org.kontor.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kontor.host.demo.DemoData;

/**
 * A customer who forgot their password (CC-1), in a real browser: "Forgot your password?" on the sign-in page, the link
 * from the mail a real SMTP server received, a new password chosen there, signed in with it; the link works once and
 * the old password no longer does.
 */
@BrowserTest(host = MailBrowserHost.class)
class PasswordResetBrowserTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/account/password/reset\\?token=[A-Za-z0-9_-]+");
    private static final String NEW_PASSWORD = "a brand new passphrase";

    @Test
    void aCustomerResetsAForgottenPasswordFromTheMailAndSignsInWithTheNewOne(StorefrontBrowser browser,
                                                                           MailBrowserHost mail) throws Exception {
        browser.open("/account/signin");
        browser.go("#forgot-link");
        assertThat(browser.path()).isEqualTo("/account/password/forgot");
        browser.type("input[name='email']", DemoData.CUSTOMER_EMAIL);
        browser.go("form[action='/account/password/forgot'] button[type='submit']");
        assertThat(browser.has("#forgot-sent")).as(browser.pageText()).isTrue();
        browser.step("link requested");

        MimeMessage[] mails = mail.awaitMails(1);
        assertThat(mails[0].getAllRecipients()[0].toString()).isEqualTo(DemoData.CUSTOMER_EMAIL);
        Matcher link = LINK.matcher(String.valueOf(mails[0].getContent()));
        assertThat(link.find()).as("a reset link in the mail").isTrue();
        URI uri = URI.create(link.group());
        String path = uri.getRawPath() + "?" + uri.getRawQuery();

        browser.open(path);
        browser.type("input[name='password']", NEW_PASSWORD).type("input[name='password2']", NEW_PASSWORD);
        browser.step("new password");
        browser.go("form[action='/account/password/reset'] button[type='submit']");
        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.pageText()).contains(DemoData.CUSTOMER_EMAIL);
        browser.step("signed in");

        browser.go("form[action='/account/signout'] button[type='submit']");
        browser.open(path);
        assertThat(browser.has("#reset-invalid")).as("the link works once").isTrue();

        browser.open("/account/signin");
        browser.type("#email", DemoData.CUSTOMER_EMAIL).type("#password", DemoData.CUSTOMER_PASSWORD);
        browser.go("form[action='/account/signin'] button[type='submit']");
        assertThat(browser.has("#signin-error")).as("the old password no longer works").isTrue();
        browser.type("#password", NEW_PASSWORD);
        browser.go("form[action='/account/signin'] button[type='submit']");
        assertThat(browser.path()).isEqualTo("/account");
    }
}
