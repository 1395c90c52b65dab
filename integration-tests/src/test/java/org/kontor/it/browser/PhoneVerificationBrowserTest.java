package org.kontor.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kontor.host.demo.DemoData;
import org.openqa.selenium.WebElement;

/**
 * A customer confirms their mobile number (ORD-11) in a real browser, as the demo lets anyone try it: the code goes to
 * the verification sandbox instead of a phone, where the operator reads it on the sandbox's admin page; a wrong code
 * is refused in the page, the right one confirms the number.
 */
@BrowserTest(host = DemoBrowserHost.class)
class PhoneVerificationBrowserTest {

    private static final String NUMBER = "+4520123456";
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");

    @Test
    void aCustomerConfirmsTheirMobileNumberWithTheCodeTheSandboxReceived(StorefrontBrowser browser) {
        signIn(browser, DemoData.CUSTOMER_EMAIL, DemoData.CUSTOMER_PASSWORD);
        browser.open("/account/verification");
        assertThat(browser.text("#phone-state")).isNotBlank();
        browser.type("#send-form input[name='phone']", "20 12 34 56");
        browser.go("#send-form button[type='submit']");
        assertThat(browser.has("#code-sent")).as(browser.pageText()).isTrue();
        assertThat(browser.text("#code-sent").replace(" ", "")).contains(NUMBER);
        browser.step("code sent");
        signOut(browser);

        signIn(browser, DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD);
        browser.open("/admin/p/verification-sandbox/");
        String code = null;
        for (WebElement row : browser.all("tr.sandbox-message")) {
            if (row.getText().replace(" ", "").contains(NUMBER)) {
                Matcher found = CODE.matcher(row.findElement(org.openqa.selenium.By.cssSelector(".text")).getText());
                assertThat(found.find()).as(row.getText()).isTrue();
                code = found.group(1);
                break;
            }
        }
        assertThat(code).as("the sandbox received the text").isNotNull();
        browser.step("code read on the sandbox page");
        signOut(browser);

        signIn(browser, DemoData.CUSTOMER_EMAIL, DemoData.CUSTOMER_PASSWORD);
        browser.open("/account/verification");
        browser.type("#confirm-form input[name='code']", code.equals("000000") ? "111111" : "000000");
        browser.go("#confirm-form button[type='submit']");
        assertThat(browser.has("#phone-verified")).as("a wrong code confirms nothing").isFalse();
        assertThat(browser.pageText()).as("the refusal is shown").contains("The code is wrong. 4 attempts are left.");
        browser.type("#confirm-form input[name='code']", code);
        browser.go("#confirm-form button[type='submit']");
        assertThat(browser.has("#phone-verified")).as(browser.pageText()).isTrue();
        assertThat(browser.text("#phone-number").replace(" ", "")).contains(NUMBER);
        browser.step("confirmed");
    }

    private static void signIn(StorefrontBrowser browser, String email, String password) {
        browser.open("/account/signin");
        browser.type("#email", email).type("#password", password);
        browser.go("form[action='/account/signin'] button[type='submit']");
    }

    private static void signOut(StorefrontBrowser browser) {
        String signOut = "form[action='/account/signout'] button[type='submit']";
        if (!browser.has(signOut)) {
            browser.open("/account");
        }
        browser.go(signOut);
        assertThat(browser.has(signOut)).as("signed out").isFalse();
    }
}
