package org.kontor.plugins.registrydk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.kontor.api.contact.Contact;
import org.kontor.api.contact.HolderType;
import org.kontor.api.registry.CreateContact;
import org.kontor.api.registry.DomainInfo;
import org.kontor.api.registry.RegisterDomain;
import org.kontor.api.registry.RestoreDomain;
import org.kontor.api.registry.UpdateDomain;
import org.kontor.plugins.epp.codec.ExtensionXml;
import org.kontor.plugins.epp.command.CommandExtension;
import org.kontor.plugins.epp.command.DomainRestore;
import org.kontor.plugins.epp.registry.EppProfileHooks;
import org.kontor.plugins.epp.registry.EppProfileRefusal;
import org.kontor.plugins.epp.response.DomainInfoData;
import org.kontor.plugins.epp.response.EppResponse;
import org.kontor.plugins.epp.response.Greeting;
import org.kontor.plugins.epp.response.UnknownElement;

/**
 * The .dk profile, after the registry's EPP service specification (revision 5.3.1):
 * <ul>
 *   <li>contact create: id {@code auto} (the registry assigns the id, or returns the one of an identical
 *       contact; it is read from {@code creData}), an empty password, and {@code dkhm:userType} from the holder
 *       type, {@code dkhm:CVR} from the VAT number (Danish numbers without their {@code DK} prefix; required for
 *       organisations in Denmark, never sent for individuals), {@code dkhm:EAN} and {@code dkhm:pnumber} from
 *       the contact's identifiers (organisations only), {@code dkhm:mobilephone} and {@code dkhm:secondaryEmail};
 *   <li>domain create and change of registrant: {@code dkhm:orderconfirmationToken}, the moment the holder
 *       accepted the registry's terms in Unix seconds. It comes from the command's {@code termsAcceptedAt}; with
 *       the setting {@code orderconfirmation.at-order} the time of the command stands in (for a shop whose checkout
 *       has every holder accept the .dk terms). The registry accepts a token at most 30 days old and at most 24
 *       hours ahead; one outside that is refused here without sending;
 *   <li>domain create with an empty password: the registry sets none;
 *   <li>auth code: the registry generates it. An update with any new auth code asks for one with the keyword
 *       {@code autotransfer}; the empty string removes it ({@code domain:null});
 *   <li>domain create and update: {@code dkhm:autoRenew} ({@code true} or {@code false}) when the command's
 *       {@code autoRenew} is set; without it the registrar account's default applies on create and the setting
 *       stays as it is on update. {@code info} reads it back into {@link DomainInfo#autoRenew()};
 *   <li>restore: the registry skips the RGP request step, so the report is sent at once, as an acknowledgement.
 *       Its {@code rgp:delTime} is when the domain was deleted, from an {@code info} just before: the later of
 *       the domain's last update ({@code domain:upDate}, which the deletion sets) and the start of its 30-day
 *       redemption period (the {@code pendingDeletionDate} advisory less 30 days), never after now; the command's
 *       time only when the registry shows neither. {@code rgp:resTime} is the command's time, the caller's
 *       report text the statement;
 *   <li>glue: a subordinate host can be created only once its domain is registered (create host answers 2303
 *       otherwise), and a create is only an application here, so glue nameservers of a create are not sent with
 *       it. This plugin keeps no state and the registry's approval (poll message, or {@code status}) does not
 *       repeat the requested nameservers, so it cannot add them by itself: the caller adds them after approval
 *       with an {@link UpdateDomain} whose nameservers carry their addresses, which creates the host objects
 *       first (IP addresses are required for hosts under .dk) and then adds them to the domain;
 *   <li>the registry's tracking number ({@code dkhm:trackingNo}) of a create is its reference;
 *   <li>auth code check before a transfer: the registry checks an AuthInfo token only on the transfer itself
 *       (its info domain takes none and answers only 1000 or 2303), so the check sends a plain info, refuses what
 *       the specification names as blocking (a domain already ours, {@code serverTransferProhibited} — set while
 *       pending, unpaid, with VID service or suspended —, a registrant-managed domain with {@code dkhm:vid} true)
 *       and otherwise answers UNSUPPORTED: the token is checked when the transfer is requested (2201 when wrong).
 *       .dk has no transfer lock after a registration, so the profile has none.
 * </ul>
 */
public final class DkhmHooks implements EppProfileHooks {

    private static final Pattern DANISH_CVR = Pattern.compile("(?:DK)?([0-9]{8})");
    private static final Duration TOKEN_MAX_AGE = Duration.ofDays(30);
    private static final Duration TOKEN_MAX_AHEAD = Duration.ofHours(24);
    /** The redemption period the specification gives deleted domains ("dkhm:domainAdvisory"). */
    private static final Duration REDEMPTION_PERIOD = Duration.ofDays(30);
    /** The registry's own client id: the sponsor of a registrant-managed domain. */
    private static final String REGISTRY_ID = "DKHM1-DK";

    private final Clock clock;
    private final boolean termsAcceptedAtOrder;

    /**
     * @param termsAcceptedAtOrder whether the command's time stands in for a missing terms acceptance
     */
    public DkhmHooks(Clock clock, boolean termsAcceptedAtOrder) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.termsAcceptedAtOrder = termsAcceptedAtOrder;
    }

    @Override
    public String contactId(CreateContact command, String generated) {
        return "auto";
    }

    @Override
    public String contactAuthInfo(CreateContact command, String generated) {
        return "";
    }

    @Override
    public List<CommandExtension> contactCreate(CreateContact command, Greeting greeting) {
        String ns = namespace(greeting);
        Contact c = command.contact();
        List<CommandExtension> extensions = new ArrayList<>();
        extensions.add(element(ns, "userType", userType(c.type())));
        if (c.type() != HolderType.INDIVIDUAL) {
            String cvr = cvr(c);
            if (cvr == null && "DK".equals(c.address().countryCode())) {
                throw new EppProfileRefusal("cvr-required", "a " + userType(c.type()).replace('_', ' ')
                        + " with an address in Denmark needs its CVR number (the VAT number) at the .dk registry");
            }
            if (cvr != null) {
                extensions.add(element(ns, "CVR", cvr));
            }
            c.identifier(Contact.EAN).ifPresent(ean -> extensions.add(element(ns, "EAN", ean)));
            c.identifier(Contact.P_NUMBER).ifPresent(p -> extensions.add(element(ns, "pnumber", p)));
        }
        if (c.mobilePhone() != null) {
            extensions.add(element(ns, "mobilephone", c.mobilePhone()));
        }
        if (c.secondaryEmail() != null) {
            extensions.add(element(ns, "secondaryEmail", c.secondaryEmail()));
        }
        return extensions;
    }

    /** The .dk registry answers for the hosts a create names; the engine does not create them first. */
    @Override
    public boolean createsMissingHostsBeforeDomainCreate() {
        return false;
    }

    /** Domains a registrar handles have the registrant only; the registry refuses other contacts (2306). */
    @Override
    public boolean domainCreateSendsContacts() {
        return false;
    }

    @Override
    public String domainAuthInfo(RegisterDomain command, String generated) {
        return "";
    }

    @Override
    public List<CommandExtension> domainCreate(RegisterDomain command, Greeting greeting) {
        String ns = namespace(greeting);
        List<CommandExtension> extensions = new ArrayList<>();
        extensions.add(element(ns, "orderconfirmationToken",
                orderConfirmationToken(command.termsAcceptedAt(), "the registration of " + command.name())));
        if (command.autoRenew() != null) {
            extensions.add(element(ns, "autoRenew", command.autoRenew().toString()));
        }
        return extensions;
    }

    @Override
    public List<CommandExtension> domainUpdate(UpdateDomain command, Greeting greeting) {
        if (command.newRegistrant() == null && command.autoRenew() == null) {
            return List.of();
        }
        String ns = namespace(greeting);
        List<CommandExtension> extensions = new ArrayList<>();
        if (command.newRegistrant() != null) {
            extensions.add(element(ns, "orderconfirmationToken", orderConfirmationToken(command.termsAcceptedAt(),
                    "the change of registrant of " + command.name())));
        }
        if (command.autoRenew() != null) {
            extensions.add(element(ns, "autoRenew", command.autoRenew().toString()));
        }
        return extensions;
    }

    @Override
    public String domainUpdateAuthInfo(UpdateDomain command) {
        if (command.newAuthCode() == null || command.newAuthCode().isEmpty()) {
            return command.newAuthCode();
        }
        return "autotransfer";
    }

    @Override
    public DomainRestore restore(RestoreDomain command, Instant now) {
        return report(command, now, now);
    }

    @Override
    public DomainRestore restore(RestoreDomain command, Instant now, Supplier<EppResponse> info) {
        return report(command, deletedAt(info.get(), now), now);
    }

    private static DomainRestore report(RestoreDomain command, Instant deletedAt, Instant now) {
        return new DomainRestore(command.name().ascii(), new DomainRestore.Report("", "", deletedAt, now, "",
                command.report() == null ? "" : command.report(), null));
    }

    /**
     * When the domain was deleted, from its info answer: the later of its last update and the start of its
     * redemption period (pendingDeletionDate advisory less the period), never after now; now without either.
     */
    static Instant deletedAt(EppResponse info, Instant now) {
        Instant best = null;
        if (info != null && info.isSuccess()) {
            Instant updated = info.data(DomainInfoData.class).map(DomainInfoData::updatedAt).orElse(null);
            if (updated != null && !updated.isAfter(now)) {
                best = updated;
            }
            Instant pending = pendingDeletionDate(info);
            if (pending != null) {
                Instant redemptionStart = pending.minus(REDEMPTION_PERIOD);
                if (!redemptionStart.isAfter(now) && (best == null || redemptionStart.isAfter(best))) {
                    best = redemptionStart;
                }
            }
        }
        return best == null ? now : best;
    }

    /** The date of the {@code dkhm:domainAdvisory} {@code pendingDeletionDate}, or null. */
    static Instant pendingDeletionDate(EppResponse response) {
        for (String ns : DkhmNamespaces.SUPPORTED) {
            for (UnknownElement e : response.unknownExtensions(ns)) {
                if ("domainAdvisory".equals(e.localName())
                        && "pendingDeletionDate".equals(ExtensionXml.attribute(e, "domainAdvisory", "advisory"))) {
                    String date = ExtensionXml.attribute(e, "domainAdvisory", "date");
                    try {
                        return date == null || date.isBlank() ? null : ExtensionXml.instant(date);
                    } catch (RuntimeException ex) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /** Creates are answered 1001 and decided through the poll queue. */
    @Override
    public boolean checksAuthInfoOnInfo() {
        return false;
    }

    /** "If a domain name has the VID value set to true, then the domain can not be transferred to registrar management." */
    @Override
    public String transferBlocker(DomainInfoData info, EppResponse response) {
        String vid = dkhmText(response, "vid");
        if (vid != null && "true".equals(vid.strip()) && REGISTRY_ID.equals(info.clientId())) {
            return info.name() + " is managed by its registrant with VID service and cannot be transferred to a "
                    + "registrar now";
        }
        return null;
    }

    @Override
    public boolean decidesCreatesLater() {
        return true;
    }

    @Override
    public String createReference(EppResponse response) {
        return trackingNumber(response);
    }

    /**
     * The auth code of a domain at .dk is the registry's token in {@code dkhm:authInfo op="transfer"} (the
     * {@code domain:pw} stays empty); it replaces the generic reading when present.
     */
    @Override
    public DomainInfo domainInfo(DomainInfo info, EppResponse response) {
        String renew = dkhmText(response, "autoRenew");
        Boolean autoRenew = renew == null ? null : switch (renew.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
        return withAuthId(info, response).withAutoRenew(autoRenew);
    }

    private static DomainInfo withAuthId(DomainInfo info, EppResponse response) {
        String token = null;
        for (String ns : DkhmNamespaces.SUPPORTED) {
            for (UnknownElement e : response.unknownExtensions(ns)) {
                if ("authInfo".equals(e.localName()) && "transfer".equals(ExtensionXml.attribute(e, "authInfo", "op"))) {
                    token = ExtensionXml.text(e, "authInfo");
                }
            }
        }
        if (token == null || token.isEmpty()) {
            return info.authCode() == null || info.authCode().isEmpty() ? info.withAuthCode(null) : info;
        }
        return info.withAuthCode(token);
    }

    /** The registry's tracking number in an answer, or null. */
    public static String trackingNumber(EppResponse response) {
        return dkhmText(response, "trackingNo");
    }

    /** The text of the first dkhm element of this name in an answer's extensions, whatever the version. */
    public static String dkhmText(EppResponse response, String localName) {
        for (String ns : DkhmNamespaces.SUPPORTED) {
            for (UnknownElement e : response.unknownExtensions(ns)) {
                if (localName.equals(e.localName())) {
                    return ExtensionXml.text(e, localName);
                }
            }
        }
        return null;
    }

    /** The dkhm element of this name in an answer's extensions, or null. */
    public static UnknownElement dkhmElement(EppResponse response, String localName) {
        for (String ns : DkhmNamespaces.SUPPORTED) {
            for (UnknownElement e : response.unknownExtensions(ns)) {
                if (localName.equals(e.localName())) {
                    return e;
                }
            }
        }
        return null;
    }

    static String userType(HolderType type) {
        return switch (type) {
            case INDIVIDUAL -> "individual";
            case COMPANY -> "company";
            case PUBLIC_ORGANIZATION -> "public_organization";
            case ASSOCIATION -> "association";
        };
    }

    /** The CVR to send: a Danish number as its eight digits, another VAT number as given; null without one. */
    static String cvr(Contact contact) {
        String vat = contact.vatNumber();
        if (vat == null) {
            return null;
        }
        String compact = vat.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        var danish = DANISH_CVR.matcher(compact);
        if (danish.matches() && (compact.startsWith("DK") || "DK".equals(contact.address().countryCode()))) {
            return danish.group(1);
        }
        return compact;
    }

    String orderConfirmationToken(Instant acceptedAt, String what) {
        Instant now = clock.instant();
        Instant accepted = acceptedAt;
        if (accepted == null) {
            if (!termsAcceptedAtOrder) {
                throw new EppProfileRefusal("terms-not-accepted", "the .dk registry requires the time the holder "
                        + "accepted its terms and conditions for " + what);
            }
            accepted = now;
        }
        if (accepted.isBefore(now.minus(TOKEN_MAX_AGE)) || accepted.isAfter(now.plus(TOKEN_MAX_AHEAD))) {
            throw new EppProfileRefusal("terms-acceptance-expired", "the holder accepted the .dk terms at " + accepted
                    + "; the registry takes an acceptance of at most 30 days ago for " + what);
        }
        return Long.toString(accepted.getEpochSecond());
    }

    private static String namespace(Greeting greeting) {
        return DkhmNamespaces.of(greeting).orElseThrow(() -> new EppProfileRefusal("unsupported",
                "the registry announces none of the dkhm extension versions " + DkhmNamespaces.SUPPORTED
                        + ", only " + greeting.extensionUris()));
    }

    private static CommandExtension element(String ns, String localName, String text) {
        return CommandExtension.element(ns, DkhmNamespaces.PREFIX, localName, text);
    }
}
