//! `#[derive(ToJson, FromJson, OnePass)]` for chat-event-core: a type's JSON shape is declared once, by
//! the `#[serde(...)]` attributes it carries for its `Serialize` derive (which tsify reads for the
//! TypeScript declarations, and which the tests use as the oracle), and these derives translate
//! that declaration into core's non-generic writer and reader (`chat_event_core::json`).
//!
//! Why not serde's own code at run time: see `chat_event_core::json`. What each attribute becomes:
//! - `rename_all` (container or struct variant) and `rename`: the member and variant names;
//! - `skip_serializing_if = "Option::is_none"` or `"Vec::is_empty"`: a member left out when absent
//!   (`Members::optional`); without it, a member always written (`Members::add`);
//! - `default` (container or member), or an `Option` member: a member that may be absent when
//!   read; any other member is required;
//! - `deny_unknown_fields`: unknown members are an error when read, else ignored;
//! - `tag = "..."`, `untagged`, or neither (external tagging): the enum representations;
//! - `flatten`, `skip`.
//!
//! Any other serde attribute is a compile error, so that no attribute is silently ignored. The one
//! fact serde has no attribute for, what a reader says it expected when the value is not an
//! object, is `#[json(expected = "a contact")]`.
//!
//! The generated code names `::chat_event_core`; core itself declares `extern crate self as
//! chat_event_core` so the derives work inside it as well.

use proc_macro::TokenStream;
use proc_macro2::{Span, TokenStream as Tokens};
use quote::{format_ident, quote};
use syn::{spanned::Spanned, Attribute, Data, DeriveInput, Error, Fields, Ident, LitStr, Token, Type};

/// Writes the value as its `Serialize` derive would, through `chat_event_core::json::write`.
#[proc_macro_derive(ToJson, attributes(serde, json))]
pub fn derive_to_json(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    to_json(&input).unwrap_or_else(Error::into_compile_error).into()
}

/// Reads the value from a JSON tree, through `chat_event_core::json::read`, with located errors.
#[proc_macro_derive(FromJson, attributes(serde, json))]
pub fn derive_from_json(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    from_json(&input).unwrap_or_else(Error::into_compile_error).into()
}

/// Reads the value straight from JSON text when the text is simply one, through
/// `chat_event_core::json::one_pass`: for structs whose members are all `Option`s and that deny
/// unknown members, so that what it reads, the tree reader reads the same.
#[proc_macro_derive(OnePass, attributes(serde, json))]
pub fn derive_one_pass(input: TokenStream) -> TokenStream {
    let input = syn::parse_macro_input!(input as DeriveInput);
    one_pass(&input).unwrap_or_else(Error::into_compile_error).into()
}

// ---- the attributes -------------------------------------------------------------------------

/// The serde case conventions in use for `rename_all`.
#[derive(Clone, Copy)]
enum Case {
    Lower,
    Camel,
    Kebab,
    Pascal,
    Snake,
    ScreamingSnake,
}

impl Case {
    fn parse(lit: &LitStr) -> syn::Result<Case> {
        Ok(match lit.value().as_str() {
            "lowercase" => Case::Lower,
            "camelCase" => Case::Camel,
            "kebab-case" => Case::Kebab,
            "PascalCase" => Case::Pascal,
            "snake_case" => Case::Snake,
            "SCREAMING_SNAKE_CASE" => Case::ScreamingSnake,
            other => return Err(Error::new(lit.span(), format!("rename_all = \"{other}\" is not translated"))),
        })
    }

    /// A field's name (written in snake_case) in this case.
    fn field(self, name: &str) -> String {
        let pascal = || name.split('_').map(capitalized).collect::<String>();
        match self {
            Case::Lower | Case::Snake => name.to_owned(),
            Case::Camel => uncapitalized(&pascal()),
            Case::Pascal => pascal(),
            Case::Kebab => name.replace('_', "-"),
            Case::ScreamingSnake => name.to_ascii_uppercase(),
        }
    }

    /// A variant's name (written in PascalCase) in this case.
    fn variant(self, name: &str) -> String {
        let snake = || {
            let mut out = String::new();
            for (i, c) in name.chars().enumerate() {
                if c.is_uppercase() && i > 0 {
                    out.push('_');
                }
                out.push(c.to_ascii_lowercase());
            }
            out
        };
        match self {
            Case::Lower => name.to_ascii_lowercase(),
            Case::Camel => uncapitalized(name),
            Case::Pascal => name.to_owned(),
            Case::Snake => snake(),
            Case::Kebab => snake().replace('_', "-"),
            Case::ScreamingSnake => snake().to_ascii_uppercase(),
        }
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
}

fn uncapitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_ascii_lowercase().to_string() + chars.as_str()).unwrap_or_default()
}

/// What the `#[serde]` and `#[json]` attributes of a type, variant or member say.
#[derive(Default)]
struct Attrs {
    rename: Option<String>,
    rename_all: Option<Case>,
    default: bool,
    skip_if_absent: bool,
    deny_unknown_fields: bool,
    tag: Option<String>,
    untagged: bool,
    flatten: bool,
    skip: bool,
    expected: Option<LitStr>,
}

impl Attrs {
    fn of(attrs: &[Attribute]) -> syn::Result<Attrs> {
        let mut out = Attrs::default();
        for attr in attrs {
            if attr.path().is_ident("serde") {
                attr.parse_nested_meta(|meta| {
                    let string = |meta: &syn::meta::ParseNestedMeta| -> syn::Result<LitStr> { meta.value()?.parse() };
                    let path = &meta.path;
                    if path.is_ident("rename") {
                        out.rename = Some(string(&meta)?.value());
                    } else if path.is_ident("rename_all") {
                        out.rename_all = Some(Case::parse(&string(&meta)?)?);
                    } else if path.is_ident("default") {
                        if meta.input.peek(Token![=]) {
                            return Err(meta.error("default = \"...\" is not translated; use Default"));
                        }
                        out.default = true;
                    } else if path.is_ident("skip_serializing_if") {
                        let test = string(&meta)?;
                        match test.value().as_str() {
                            "Option::is_none" | "Vec::is_empty" => out.skip_if_absent = true,
                            other => {
                                return Err(Error::new(
                                    test.span(),
                                    format!("skip_serializing_if = \"{other}\" is not translated"),
                                ))
                            }
                        }
                    } else if path.is_ident("deny_unknown_fields") {
                        out.deny_unknown_fields = true;
                    } else if path.is_ident("tag") {
                        out.tag = Some(string(&meta)?.value());
                    } else if path.is_ident("untagged") {
                        out.untagged = true;
                    } else if path.is_ident("flatten") {
                        out.flatten = true;
                    } else if path.is_ident("skip") {
                        out.skip = true;
                    } else {
                        return Err(meta.error("this serde attribute is not translated by ToJson/FromJson"));
                    }
                    Ok(())
                })?;
            } else if attr.path().is_ident("json") {
                attr.parse_nested_meta(|meta| {
                    if meta.path.is_ident("expected") {
                        out.expected = Some(meta.value()?.parse()?);
                        Ok(())
                    } else {
                        Err(meta.error("expected `expected = \"...\"`"))
                    }
                })?;
            }
        }
        Ok(out)
    }
}

/// A named member of a struct or struct variant, with its JSON name.
struct Member<'a> {
    ident: &'a Ident,
    ty: &'a Type,
    name: String,
    attrs: Attrs,
}

fn members<'a>(fields: &'a Fields, case: Option<Case>) -> syn::Result<Vec<Member<'a>>> {
    let Fields::Named(named) = fields else {
        return Err(Error::new(fields.span(), "only structs with named members are translated"));
    };
    named
        .named
        .iter()
        .map(|field| {
            let ident = field.ident.as_ref().ok_or_else(|| Error::new(field.span(), "a member without a name"))?;
            let attrs = Attrs::of(&field.attrs)?;
            let plain = ident.to_string();
            let plain = plain.strip_prefix("r#").unwrap_or(&plain).to_owned();
            let name = match (&attrs.rename, case) {
                (Some(rename), _) => rename.clone(),
                (None, Some(case)) => case.field(&plain),
                (None, None) => plain,
            };
            Ok(Member { ident, ty: &field.ty, name, attrs })
        })
        .collect()
}

fn variant_name(variant: &syn::Variant, case: Option<Case>) -> syn::Result<(String, Attrs)> {
    let attrs = Attrs::of(&variant.attrs)?;
    let plain = variant.ident.to_string();
    let name = match (&attrs.rename, case) {
        (Some(rename), _) => rename.clone(),
        (None, Some(case)) => case.variant(&plain),
        (None, None) => plain,
    };
    Ok((name, attrs))
}

fn is_option(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "Option"))
}

// ---- ToJson ---------------------------------------------------------------------------------

/// The calls that write `members` (each a place expression such as `self.x` or a bound `x`).
fn write_members(members: &[Member<'_>], place: impl Fn(&Member<'_>) -> Tokens) -> Tokens {
    let calls = members.iter().filter(|m| !m.attrs.skip).map(|m| {
        let (name, value) = (&m.name, place(m));
        if m.attrs.flatten {
            quote! { members.flatten(#value); }
        } else if m.attrs.skip_if_absent {
            quote! { members.optional(#name, #value); }
        } else {
            quote! { members.add(#name, #value); }
        }
    });
    quote! { #(#calls)* }
}

fn to_json(input: &DeriveInput) -> syn::Result<Tokens> {
    let attrs = Attrs::of(&input.attrs)?;
    let json = quote!(::chat_event_core::json);
    let body = match &input.data {
        Data::Struct(data) => {
            let members = members(&data.fields, attrs.rename_all)?;
            let writes = write_members(&members, |m| {
                let ident = m.ident;
                quote!(&self.#ident)
            });
            quote! {
                let mut members = #json::write::Members::new(out);
                #writes
                members.finish();
            }
        }
        Data::Enum(data) => {
            let mut arms = Vec::new();
            for variant in &data.variants {
                let (name, variant_attrs) = variant_name(variant, attrs.rename_all)?;
                let ident = &variant.ident;
                let arm = match (&variant.fields, &attrs.tag, attrs.untagged) {
                    (Fields::Unit, None, false) => quote! { Self::#ident => out.string(#name), },
                    (Fields::Unit, Some(tag), _) => quote! {
                        Self::#ident => #json::write::Members::new(out).add(#tag, &#name).finish(),
                    },
                    (Fields::Unnamed(one), _, _) if one.unnamed.len() == 1 => {
                        let write = match (&attrs.tag, attrs.untagged) {
                            (_, true) => quote! { #json::write::ToJson::write(inner, out) },
                            (Some(tag), _) => {
                                quote! { #json::write::Members::new(out).add(#tag, &#name).flatten(inner).finish() }
                            }
                            (None, false) => quote! { #json::write::Members::new(out).add(#name, inner).finish() },
                        };
                        quote! { Self::#ident(inner) => #write, }
                    }
                    (Fields::Named(_), Some(tag), false) => {
                        let members = members(&variant.fields, variant_attrs.rename_all)?;
                        let idents: Vec<&Ident> = members.iter().map(|m| m.ident).collect();
                        let writes = write_members(&members, |m| {
                            let ident = m.ident;
                            quote!(#ident)
                        });
                        quote! {
                            Self::#ident { #(#idents),* } => {
                                let mut members = #json::write::Members::new(out);
                                members.add(#tag, &#name);
                                #writes
                                members.finish();
                            }
                        }
                    }
                    _ => {
                        return Err(Error::new(variant.span(), "this enum representation is not translated by ToJson"))
                    }
                };
                arms.push(arm);
            }
            quote! { match self { #(#arms)* } }
        }
        Data::Union(_) => return Err(Error::new(input.span(), "unions are not translated")),
    };
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    Ok(quote! {
        impl #impl_generics #json::write::ToJson for #ident #ty_generics #where_clause {
            fn write(&self, out: &mut dyn #json::write::Out) {
                #body
            }
        }
    })
}

// ---- FromJson -------------------------------------------------------------------------------

fn from_json(input: &DeriveInput) -> syn::Result<Tokens> {
    let attrs = Attrs::of(&input.attrs)?;
    let json = quote!(::chat_event_core::json);
    let body = match &input.data {
        Data::Struct(data) => read_struct(input, &attrs, &data.fields)?,
        Data::Enum(data) if attrs.tag.is_none() && !attrs.untagged => {
            let mut names = Vec::new();
            let mut idents = Vec::new();
            let mut unit = true;
            for variant in &data.variants {
                names.push(variant_name(variant, attrs.rename_all)?.0);
                idents.push(&variant.ident);
                match &variant.fields {
                    Fields::Unit => {}
                    Fields::Unnamed(one) if one.unnamed.len() == 1 => unit = false,
                    _ => return Err(Error::new(variant.span(), "only unit and one-value variants are read")),
                }
            }
            let indexes = 0..names.len();
            if let (true, Some((last, idents))) = (unit, idents.split_last()) {
                // The names are looked up by one shared function; only picking the value is per type.
                // `choice` returns the index of one of the names, so the last arm is the last variant.
                let indexes = 0..idents.len();
                quote! {
                    Ok(match #json::read::choice(value, at, &[#(#names),*])? {
                        #(#indexes => Self::#idents,)*
                        _ => Self::#last,
                    })
                }
            } else if data.variants.iter().all(|v| !matches!(v.fields, Fields::Unit)) {
                // Externally tagged: `{"name": value}`.
                quote! {
                    let (index, inner) = #json::read::variant(value, at, &[#(#names),*])?;
                    match index {
                        #(#indexes => #json::read::FromJson::from_json(inner, &at.member(#names)).map(Self::#idents),)*
                        _ => Err(#json::read::ReadError::new(at, "no such variant")),
                    }
                }
            } else {
                return Err(Error::new(input.span(), "an enum of unit and one-value variants together is not read"));
            }
        }
        Data::Enum(_) => return Err(Error::new(input.span(), "tagged and untagged enums are not read")),
        Data::Union(_) => return Err(Error::new(input.span(), "unions are not translated")),
    };
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    Ok(quote! {
        impl #impl_generics #json::read::FromJson for #ident #ty_generics #where_clause {
            fn from_json(
                value: &::serde_json::Value,
                at: &#json::read::Path<'_>,
            ) -> ::core::result::Result<Self, #json::read::ReadError> {
                #body
            }
        }
    })
}

/// A struct's reader: a place for each member, one call of `read_object` with a small call per
/// member, then the value. A container `default` reads into `Default::default()` (as the
/// hand-written readers did); otherwise an absent optional member is `None` or its type's default,
/// and a required one is read into an `Option` that `read_object` guarantees is filled.
fn read_struct(input: &DeriveInput, attrs: &Attrs, fields: &Fields) -> syn::Result<Tokens> {
    let json = quote!(::chat_event_core::json);
    let members = members(fields, attrs.rename_all)?;
    let expected = attrs
        .expected
        .clone()
        .ok_or_else(|| Error::new(input.span(), "FromJson needs #[json(expected = \"...\")]: what the object is"))?;
    let unknown = if attrs.deny_unknown_fields { quote!(Refuse) } else { quote!(Ignore) };
    let read_object = |reads: Tokens| {
        quote! {
            #json::read::read_object(value, at, #expected, #json::read::Unknown::#unknown, &mut |o| { #reads })?;
        }
    };
    if members.iter().any(|m| m.attrs.flatten) {
        return Err(Error::new(input.span(), "flatten is not read"));
    }
    let optional = |m: &Member<'_>| m.attrs.skip || m.attrs.default || is_option(m.ty);
    if !attrs.default && members.iter().all(optional) {
        // No member is required: read into one value that starts with every member absent, as a
        // hand-written reader would (the closure holds one place, not one per member).
        let idents: Vec<&Ident> = members.iter().map(|m| m.ident).collect();
        let reads = members.iter().filter(|m| !m.attrs.skip).map(|m| {
            let (ident, name) = (m.ident, &m.name);
            quote! { o.optional_into(#name, &mut read.#ident); }
        });
        let read_object = read_object(quote! { #(#reads)* });
        return Ok(quote! {
            let mut read = Self { #(#idents: ::core::default::Default::default()),* };
            #read_object
            Ok(read)
        });
    }
    if attrs.default {
        let reads = members.iter().filter(|m| !m.attrs.skip).map(|m| {
            let (ident, name) = (m.ident, &m.name);
            quote! { o.optional_into(#name, &mut read.#ident); }
        });
        let read_object = read_object(quote! { #(#reads)* });
        return Ok(quote! {
            let mut read = <Self as ::core::default::Default>::default();
            #read_object
            Ok(read)
        });
    }
    let mut places = Vec::new();
    let mut reads = Vec::new();
    let mut required = Vec::new();
    let mut fill = Vec::new();
    for m in &members {
        let (ident, ty, name) = (m.ident, m.ty, &m.name);
        let place = format_ident!("member_{}", ident.to_string().trim_start_matches("r#"), span = Span::call_site());
        if m.attrs.skip {
            fill.push(quote! { #ident: ::core::default::Default::default() });
        } else if is_option(ty) || m.attrs.default {
            places.push(quote! { let mut #place: #ty = ::core::default::Default::default(); });
            reads.push(quote! { o.optional_into(#name, &mut #place); });
            fill.push(quote! { #ident: #place });
        } else {
            places.push(quote! { let mut #place: ::core::option::Option<#ty> = None; });
            reads.push(quote! { o.required_into(#name, &mut #place); });
            required.push(place.clone());
            fill.push(quote! { #ident: #place });
        }
    }
    let read_object = read_object(quote! { #(#reads)* });
    let build = if required.is_empty() {
        quote! { Ok(Self { #(#fill),* }) }
    } else if let [one] = required.as_slice() {
        quote! {
            // `read_object` succeeded, so the required member was read.
            match #one {
                Some(#one) => Ok(Self { #(#fill),* }),
                None => Err(#json::read::ReadError::new(at, "a required member was not read")),
            }
        }
    } else {
        quote! {
            // `read_object` succeeded, so every required member was read.
            match (#(#required),*) {
                (#(Some(#required)),*) => Ok(Self { #(#fill),* }),
                _ => Err(#json::read::ReadError::new(at, "a required member was not read")),
            }
        }
    };
    Ok(quote! {
        #(#places)*
        #read_object
        #build
    })
}

// ---- OnePass --------------------------------------------------------------------------------

/// A struct's one-pass reader: every member starts absent, and each one named in the text is read
/// into its place. Only what the tree reader would read the same way is allowed: every member an
/// `Option` (an absent member is `None` for both), unknown members refused (the one-pass reader
/// refuses them), no `flatten` or `skip`.
fn one_pass(input: &DeriveInput) -> syn::Result<Tokens> {
    let attrs = Attrs::of(&input.attrs)?;
    let Data::Struct(data) = &input.data else {
        return Err(Error::new(input.span(), "OnePass reads structs"));
    };
    if !attrs.deny_unknown_fields {
        return Err(Error::new(input.span(), "OnePass needs #[serde(deny_unknown_fields)]"));
    }
    let members = members(&data.fields, attrs.rename_all)?;
    if let Some(m) = members.iter().find(|m| m.attrs.flatten || m.attrs.skip || !is_option(m.ty)) {
        return Err(Error::new(m.ident.span(), "OnePass reads members that are Options, without flatten or skip"));
    }
    let one_pass = quote!(::chat_event_core::json::one_pass);
    let idents: Vec<&Ident> = members.iter().map(|m| m.ident).collect();
    let names: Vec<&String> = members.iter().map(|m| &m.name).collect();
    let indexes = 0..members.len();
    let ident = &input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    Ok(quote! {
        impl #impl_generics #one_pass::OnePass for #ident #ty_generics #where_clause {
            fn one_pass(scan: &mut #one_pass::Scan<'_>) -> ::core::option::Option<Self> {
                let mut read = Self { #(#idents: ::core::option::Option::None),* };
                scan.members(&[#(#names),*], &mut |scan, index| match index {
                    #(#indexes => scan.into(&mut read.#idents),)*
                    _ => ::core::option::Option::None,
                })?;
                ::core::option::Option::Some(read)
            }
        }
    })
}
