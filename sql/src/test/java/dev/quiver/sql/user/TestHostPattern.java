package dev.quiver.sql.user;

import dev.quiver.common.PasswordHash;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public class TestHostPattern
{
    @Test
    public void testPatterns()
    {
        assertThat(HostPattern.matches("%", "10.1.2.3")).isTrue();
        assertThat(HostPattern.matches("", "10.1.2.3")).isTrue();
        assertThat(HostPattern.matches("10.1.2.%", "10.1.2.3")).isTrue();
        assertThat(HostPattern.matches("10.1.2.%", "10.1.20.3")).isFalse();
        assertThat(HostPattern.matches("10.1.2._", "10.1.2.3")).isTrue();
        assertThat(HostPattern.matches("10.1.2._", "10.1.2.33")).isFalse();
        assertThat(HostPattern.matches("10.1.2.3", "10.1.2.3")).isTrue();
        assertThat(HostPattern.matches("10.0.0.0/255.0.0.0", "10.200.1.1")).isTrue();
        assertThat(HostPattern.matches("10.0.0.0/255.0.0.0", "11.0.0.1")).isFalse();
        assertThat(HostPattern.matches("10.0.0.0/255.0.0.0", "localhost")).isFalse();
        // a loopback client matches localhost and the loopback address, as MySQL resolves 127.0.0.1 to localhost
        assertThat(HostPattern.matches("localhost", "localhost")).isTrue();
        assertThat(HostPattern.matches("localhost", "127.0.0.1")).isTrue();
        assertThat(HostPattern.matches("127.0.0.1", "localhost")).isTrue();
        assertThat(HostPattern.matches("127.0.0.%", "localhost")).isTrue();
        assertThat(HostPattern.matches("127.0.0.0/255.255.255.0", "localhost")).isTrue();
        assertThat(HostPattern.matches("LocalHost", "localhost")).isTrue();
        assertThat(HostPattern.matches("localhost", "10.1.2.3")).isFalse();
        assertThat(HostPattern.matches("10.%", "localhost")).isFalse();
    }

    @Test
    public void testMostSpecificAccountIsTriedFirst()
    {
        List<AccountName> names = new ArrayList<>(List.of(
                new AccountName("u", "%"), new AccountName("", "localhost"), new AccountName("u", "10.%"), new AccountName("u", "10.1.%"),
                new AccountName("u", "localhost"), new AccountName("u", "10.0.0.0/255.0.0.0"), new AccountName("", "%"), new AccountName("w", "")));
        names.sort(HostPattern.MOST_SPECIFIC_FIRST);
        // MySQL's manual: literal hosts and IPs first (a netmask does not make an IP less specific), named users before
        // the anonymous one, '%' last but for '' (also any host), which sorts after it even for a named user
        assertThat(names).containsExactly(
                new AccountName("u", "10.0.0.0/255.0.0.0"), new AccountName("u", "localhost"), new AccountName("", "localhost"),
                new AccountName("u", "10.1.%"), new AccountName("u", "10.%"), new AccountName("u", "%"), new AccountName("", "%"), new AccountName("w", ""));
        PrivilegeModel model = new PrivilegeModel(names.stream().map(each -> new Account(each, Account.CACHING_SHA2_PASSWORD, PasswordHash.EMPTY, AccountGrants.NONE)).toList());
        assertThat(model.match("u", "localhost").orElseThrow().name()).isEqualTo(new AccountName("u", "localhost"));
        assertThat(model.match("v", "localhost").orElseThrow().name()).isEqualTo(new AccountName("", "localhost"));
        assertThat(model.match("u", "10.1.2.3").orElseThrow().name()).isEqualTo(new AccountName("u", "10.0.0.0/255.0.0.0"));
        assertThat(model.match("u", "11.1.2.3").orElseThrow().name()).isEqualTo(new AccountName("u", "%"));
        assertThat(model.match("v", "11.1.2.3").orElseThrow().name()).isEqualTo(new AccountName("", "%"));
        assertThat(model.match("w", "11.1.2.3").orElseThrow().name()).isEqualTo(new AccountName("", "%"));
        assertThat(new PrivilegeModel(List.of()).match("u", "localhost")).isEmpty();
    }
}
