#!/usr/bin/perl
# An independent EPP client, Debian's libnet-epp-perl, against the sandbox registry: greeting, login,
# contact create, domain check, create (with that contact as registrant), info, poll, logout. Every answer must carry the expected result code; the script dies
# (exit code 255) otherwise.
#
#   ci/epp-client-check.pl HOST PORT CLIENT-ID PASSWORD SHA256-FINGERPRINT-OF-THE-SERVER-CERTIFICATE
use strict;
use warnings;
use Net::EPP::Client;
use IO::Socket::SSL qw(SSL_VERIFY_PEER);

my ($host, $port, $clid, $password, $fingerprint) = @ARGV;
die "usage: $0 HOST PORT CLIENT-ID PASSWORD SHA256-FINGERPRINT\n" unless defined $fingerprint;

my $epp = Net::EPP::Client->new(host => $host, port => $port, ssl => 1, frames => 1);
my $greeting = $epp->connect(SSL_verify_mode => SSL_VERIFY_PEER, SSL_fingerprint => "sha256\$$fingerprint");
die "no greeting\n" unless $greeting && $greeting->toString =~ /<svID>/;
print "greeting: ", ($greeting->toString =~ m{<svID>([^<]*)</svID>})[0], "\n";

my $name = sprintf('perl-client-%d-%d.test', time, $$);
my $contact_id = sprintf('pl%d%d', time % 100000, $$ % 100000);
my $ns = 'xmlns="urn:ietf:params:xml:ns:epp-1.0"';
my $domain = 'xmlns:domain="urn:ietf:params:xml:ns:domain-1.0"';
my $contact = 'xmlns:contact="urn:ietf:params:xml:ns:contact-1.0"';
my $serial = 0;

sub command {
    my ($label, $body, $expected) = @_;
    my $cltrid = sprintf('perl-%d-%d', $$, ++$serial);
    my $answer = $epp->request(qq{<?xml version="1.0" encoding="UTF-8"?><epp $ns><command>$body<clTRID>$cltrid</clTRID></command></epp>});
    die "$label: no answer\n" unless $answer;
    my $xml = $answer->toString;
    my ($code) = $xml =~ /<result code="(\d{4})"/;
    die "$label: answered " . ($code // 'nothing') . ", expected $expected\n$xml\n" unless defined $code && $code =~ /^(?:$expected)$/;
    die "$label: clTRID $cltrid not echoed\n" unless $xml =~ /<clTRID>\Q$cltrid\E<\/clTRID>/;
    print "$label: $code\n";
    return $xml;
}

command('login', qq{<login><clID>$clid</clID><pw>$password</pw><options><version>1.0</version><lang>en</lang></options>}
    . q{<svcs><objURI>urn:ietf:params:xml:ns:domain-1.0</objURI><objURI>urn:ietf:params:xml:ns:contact-1.0</objURI></svcs></login>}, '1000');
# The sandbox refuses a domain whose registrant it does not know (2303): the holder comes first.
command('contact create', qq{<create><contact:create $contact><contact:id>$contact_id</contact:id>}
    . q{<contact:postalInfo type="int"><contact:name>Perl Client</contact:name><contact:addr>}
    . q{<contact:street>Kongens Nytorv 1</contact:street><contact:city>Copenhagen</contact:city><contact:pc>1050</contact:pc>}
    . q{<contact:cc>DK</contact:cc></contact:addr></contact:postalInfo><contact:voice>+45.33646060</contact:voice>}
    . q{<contact:email>perl@example.test</contact:email><contact:authInfo><contact:pw>Perl-Contact-2026</contact:pw></contact:authInfo>}
    . q{</contact:create></create>}, '1000');
my $check = command('check', qq{<check><domain:check $domain><domain:name>$name</domain:name></domain:check></check>}, '1000');
die "check: $name is not available\n" unless $check =~ /avail="(?:1|true)"/;
command('create', qq{<create><domain:create $domain><domain:name>$name</domain:name><domain:period unit="y">1</domain:period>}
    . qq{<domain:registrant>$contact_id</domain:registrant><domain:authInfo><domain:pw>Perl-Auth-2026</domain:pw></domain:authInfo></domain:create></create>}, '1000|1001');
my $info = command('info', qq{<info><domain:info $domain><domain:name hosts="all">$name</domain:name></domain:info></info>}, '1000');
die "info: the domain is not ours\n" unless $info =~ /<domain:clID>\Q$clid\E<\/domain:clID>/;
die "info: the registrant is not $contact_id\n" unless $info =~ /<domain:registrant>\Q$contact_id\E<\/domain:registrant>/;
command('poll', q{<poll op="req"/>}, '1300|1301');
command('logout', q{<logout/>}, '1500');
$epp->disconnect;
print "the independent client registered $name\n";
