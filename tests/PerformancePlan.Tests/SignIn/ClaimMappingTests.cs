using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using PerformancePlan.Domain.Access;
using PerformancePlan.Host.Auth;

namespace PerformancePlan.Tests.SignIn;

/// <summary>
/// An external provider's claims read through the <c>Oidc</c> section, as the README configures Keycloak and Entra ID:
/// which claim gives the name, the roles (ours, or the provider's values mapped to ours), the offices, the holder and
/// the entity.
/// </summary>
public class ClaimMappingTests
{
    static OidcSettings Settings(params (string Key, string Value)[] pairs) => OidcSettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p =>
            new KeyValuePair<string, string?>("Oidc:" + p.Key, p.Value))).Build());

    static Actor ActorOf(OidcSettings settings, params (string Type, string Value)[] claims) =>
        JwtSettings.ActorOf(new ClaimsPrincipal(ClaimMapping.Normalize(
            new ClaimsPrincipal(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "oidc")),
            settings, "test")));

    [Fact]
    public void Keycloak_realm_roles_inside_a_json_claim_are_mapped_to_ours()
    {
        var keycloak = Settings(("Authority", "https://sso.ente.example/realms/pa"),
            ("Claims:Role", "realm_access.roles"), ("Claims:Offices", "ufficio"),
            ("Roles:office", "perfplan-ufficio"), ("Roles:oiv", "perfplan-oiv,nucleo-valutazione"));

        var actor = ActorOf(keycloak, ("sub", "f81d4fae"), ("preferred_username", "mario.rossi"),
            ("realm_access", """{"roles":["offline_access","perfplan-ufficio","nucleo-valutazione"]}"""),
            ("ufficio", "u2.1"));

        actor.User.ShouldBe("mario.rossi");
        actor.Roles.ShouldBe([Role.OfficeStaff, Role.Oiv], ignoreOrder: true);
        actor.Offices.ShouldBe(["U2.1"]);
    }

    [Fact]
    public void Entra_app_roles_in_a_repeated_claim_and_an_unmapped_value_give_no_role()
    {
        var entra = Settings(("Authority", "https://login.microsoftonline.com/tenant/v2.0"), ("Claims:Role", "roles"),
            ("Claims:Holder", "extension_titolare"));

        ActorOf(entra, ("preferred_username", "sg@ente.it"), ("roles", "holder"), ("extension_titolare", "sg"))
            .ShouldSatisfyAllConditions(a => a.Roles.ShouldBe([Role.Holder]), a => a.Holder.ShouldBe("SG"));
        ActorOf(entra, ("preferred_username", "x@ente.it"), ("roles", "Global.Admin")).Roles.ShouldBeEmpty();
    }

    [Fact]
    public void An_external_providers_entity_claim_gives_every_administration_it_names_and_none_gives_the_default()
    {
        var sso = Settings(("Authority", "https://sso.regione.example"), ("Claims:Role", "roles"),
            ("Claims:Entity", "enti"));
        var keycloak = Settings(("Authority", "https://sso.regione.example/realms/pa"),
            ("Claims:Entity", "perfplan.enti"));

        Actor[] several =
        [
            ActorOf(sso, ("sub", "oiv.toscana"), ("roles", "oiv"), ("enti", "cciaa-ms"), ("enti", "cciaa-lu")),
            ActorOf(sso, ("sub", "oiv.toscana"), ("roles", "oiv"), ("enti", """["cciaa-ms","cciaa-lu"]""")),
            ActorOf(sso, ("sub", "oiv.toscana"), ("roles", "oiv"), ("enti", "cciaa-ms, cciaa-lu")),
            ActorOf(keycloak, ("sub", "oiv.toscana"), ("perfplan", """{"enti":["cciaa-ms","cciaa-lu"]}""")),
        ];
        var none = ActorOf(sso, ("sub", "u1.1"), ("roles", "office"));

        foreach (var actor in several)
        {
            actor.Scope.ShouldBe(["cciaa-ms", "cciaa-lu"], ignoreOrder: true);
            actor.ActsFor("cciaa-lu").ShouldBeTrue();
            actor.ActsFor("cciaa-ar").ShouldBeFalse();
        }
        none.Scope.ShouldBe([Actor.DefaultEntity]);
        none.ActsFor("cciaa-lu").ShouldBeFalse();
    }

    [Fact]
    public void A_required_entity_admits_only_its_users()
    {
        var settings = Settings(("Authority", "https://spid-gateway.example"), ("Entity", "cciaa-ms"),
            ("Claims:Entity", "ente"));
        ClaimsIdentity Identity(string entity) => ClaimMapping.Normalize(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "RSSMRA80A01F205X"), new Claim("ente", entity)], "oidc")), settings, "test");

        ClaimMapping.OfRequiredEntity(Identity("cciaa-ms"), settings).ShouldBeTrue();
        ClaimMapping.OfRequiredEntity(Identity("cciaa-lu"), settings).ShouldBeFalse();
    }

    [Fact]
    public void Without_an_authority_the_host_is_its_own_provider_with_its_own_claim_names()
    {
        var embedded = Settings();

        embedded.Embedded.ShouldBeTrue();
        embedded.ClientId.ShouldBe(OidcSettings.DashboardClient);
        ActorOf(embedded, ("sub", "u2.1"), ("name", "u2.1"), ("role", "office"), ("office", "U2.1"))
            .ShouldBe(new Actor("u2.1", [Role.OfficeStaff], ["U2.1"]), new ActorComparer());
    }

    sealed class ActorComparer : IEqualityComparer<Actor>
    {
        public bool Equals(Actor? x, Actor? y) => x!.User == y!.User && x.Roles.SequenceEqual(y.Roles)
            && x.Offices.SequenceEqual(y.Offices) && x.Holder == y.Holder;
        public int GetHashCode(Actor obj) => obj.User.GetHashCode();
    }
}
