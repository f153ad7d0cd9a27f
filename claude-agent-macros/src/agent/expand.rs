//! Code generation from a validated [`AgentModel`]; cannot fail.
//!
//! A subagent gets an `Agent` impl (name, tools, definition) and an inventory submission; a main
//! agent gets a `MainAgent` impl and inherent `options`/`query`/`client` (and `ask` with an
//! `output`). Type requirements are spanned assertions in never-called closures.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::model::{AgentModel, EnumValue, ToolEntry, entry_span};

pub(crate) fn expand(model: &AgentModel, krate: &TokenStream) -> TokenStream {
    let item = &model.item;
    let body = if model.main {
        expand_main(model)
    } else {
        expand_subagent(model)
    };
    quote! {
        #item

        const _: () = {
            use #krate as __ca;
            #body
        };
    }
}

fn expand_subagent(model: &AgentModel) -> TokenStream {
    let ident = &model.item.ident;
    let name = &model.name;
    let description = &model.description;
    let prompt = &model.prompt;
    let mut chain = quote!(__ca::options::AgentDefinition::new(#description, #prompt));
    let tools_const = model.tools.as_ref().map(|tools| {
        let refs = tool_refs(tools);
        chain.extend(quote!(.tools(<Self as __ca::agents::Agent>::TOOLS.iter().map(__ca::agents::ToolRef::wire_name))));
        quote!(const TOOLS: &'static [__ca::agents::ToolRef] = &[#(#refs),*];)
    });
    if let Some(disallowed) = &model.disallowed_tools {
        let refs = tool_refs(disallowed);
        chain.extend(
            quote!(.disallowed_tools([#(#refs),*].iter().map(__ca::agents::ToolRef::wire_name))),
        );
    }
    if let Some(m) = &model.model {
        chain.extend(quote!(.model(#m)));
    }
    for server in &model.mcp_servers {
        chain.extend(quote!(.mcp_server(#server)));
    }
    if let Some(skills) = &model.skills {
        chain.extend(if skills.is_empty() {
            quote!(.skills(::std::vec::Vec::<::std::string::String>::new()))
        } else {
            quote!(.skills([#(#skills),*]))
        });
    }
    chain.extend(common_calls(model));
    quote! {
        #[automatically_derived]
        impl __ca::agents::Agent for #ident {
            const NAME: &'static str = #name;
            #tools_const

            fn definition() -> __ca::options::AgentDefinition {
                #chain
            }
        }

        __ca::__private::submit! {
            __ca::agents::AgentDescriptor::of::<#ident>(::core::file!(), ::core::line!())
        }
    }
}

fn expand_main(model: &AgentModel) -> TokenStream {
    let ident = &model.item.ident;
    let vis = &model.item.vis;
    let mut chain = quote!(__ca_base);
    if let Some(m) = &model.model {
        chain.extend(quote!(.model(#m)));
    }
    if let Some(prompt) = &model.prompt {
        chain.extend(quote!(.system_prompt(#prompt)));
    }
    chain.extend(common_calls(model));
    let mut checks = Vec::new();
    if let Some(tools) = &model.tools {
        let mut builtins: Vec<TokenStream> = tools
            .iter()
            .filter_map(|t| match t {
                ToolEntry::Named(lit) => Some(quote!(#lit)),
                ToolEntry::Tool(_) => None,
            })
            .collect();
        let has_agent = tools
            .iter()
            .any(|t| matches!(t, ToolEntry::Named(l) if l.value() == "Agent"));
        if !model.subagents.is_empty() && !has_agent {
            builtins.push(quote!("Agent"));
        }
        chain.extend(quote!(.tools(::std::vec::Vec::<&str>::from([#(#builtins),*]))));
        let served: Vec<&ToolEntry> = tools
            .iter()
            .filter(|t| matches!(t, ToolEntry::Tool(_)))
            .collect();
        if !served.is_empty() {
            let refs = served.iter().map(|t| tool_ref(t));
            chain.extend(
                quote!(.allowed_tools([#(#refs),*].iter().map(__ca::agents::ToolRef::wire_name))),
            );
        }
    }
    if let Some(allowed) = &model.allowed_tools {
        let refs = tool_refs(allowed);
        chain.extend(
            quote!(.allowed_tools([#(#refs),*].iter().map(__ca::agents::ToolRef::wire_name))),
        );
    }
    let disallowed_refs = model.disallowed_tools.as_deref().map(tool_refs);
    if let Some(refs) = &disallowed_refs {
        chain.extend(
            quote!(.disallowed_tools([#(#refs),*].iter().map(__ca::agents::ToolRef::wire_name))),
        );
    }
    for sub in &model.subagents {
        chain.extend(quote_spanned!(sub.span()=> .subagent::<#sub>()));
        checks.push(quote_spanned!(sub.span()=> __ca::__private::agent::assert_agent::<#sub>();));
    }
    let subagent_checks = disallowed_refs.iter().flat_map(|refs| {
        model.subagents.iter().map(move |sub| {
            quote_spanned! {sub.span()=>
                const _: () = __ca::__private::agent::check_subagent_tools(
                    &[#(#refs),*],
                    <#sub as __ca::agents::Agent>::TOOLS,
                );
            }
        })
    });
    if !model.hooks.is_empty() {
        let hooks = &model.hooks;
        chain.extend(quote!(.hooks(__ca::hooks::HookRegistry::new()#(.hook(#hooks))*)));
    }
    if let Some(sources) = &model.setting_sources {
        let values = sources
            .iter()
            .map(|v| enum_tokens(v, "SettingSource"))
            .collect::<Vec<_>>();
        chain.extend(quote!(.setting_sources([#(#values),*])));
    }
    let ask = model.output.as_ref().map(|output| {
        // `output_type` checks the type; the rest is spanned on it too, so every error about
        // `output` points at the user's type.
        chain.extend(quote_spanned!(output.span()=> .output_type::<#output>()));
        let doc = format!(
            "Runs `prompt` with this agent's options and returns its answer as a \
             [`{}`] (generated by `#[agent(main, output = ..)]`; see \
             `claude_agent::query_as` for the errors).",
            quote!(#output).to_string().replace(' ', "")
        );
        let doc_with = "Like `ask`, with this agent's configuration applied on top of `base` \
                        (working directory, environment, ...; generated by `#[agent(main)]`).";
        quote_spanned! {output.span()=>
            #[doc = #doc]
            #vis async fn ask(
                prompt: impl ::core::convert::Into<__ca::Prompt>,
            ) -> __ca::Result<#output> {
                __ca::query_as::<#output>(prompt, <Self as __ca::agents::MainAgent>::options().build()).await
            }

            #[doc = #doc_with]
            #vis async fn ask_with(
                base: __ca::OptionsBuilder,
                prompt: impl ::core::convert::Into<__ca::Prompt>,
            ) -> __ca::Result<#output> {
                __ca::query_as::<#output>(prompt, <Self as __ca::agents::MainAgent>::configure(base).build()).await
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl __ca::agents::MainAgent for #ident {
            fn configure(__ca_base: __ca::OptionsBuilder) -> __ca::OptionsBuilder {
                #chain
            }
        }

        impl #ident {
            /// Applies this agent's configuration on top of `base` (working directory,
            /// environment, ...); the agent's settings win (generated by `#[agent(main)]`).
            #vis fn configure(base: __ca::OptionsBuilder) -> __ca::OptionsBuilder {
                <Self as __ca::agents::MainAgent>::configure(base)
            }

            /// This agent's options, still overridable (generated by `#[agent(main)]`).
            #vis fn options() -> __ca::OptionsBuilder {
                <Self as __ca::agents::MainAgent>::options()
            }

            /// Runs `prompt` with this agent's options: the message stream (generated by
            /// `#[agent(main)]`).
            #vis fn query(prompt: impl ::core::convert::Into<__ca::Prompt>) -> __ca::Query {
                <Self as __ca::agents::MainAgent>::query(prompt)
            }

            /// A connected multi-turn client with this agent's options (generated by
            /// `#[agent(main)]`).
            #vis async fn client() -> __ca::Result<__ca::Client> {
                <Self as __ca::agents::MainAgent>::client().await
            }

            #ask
        }

        const _: fn() = || {
            #(#checks)*
        };

        #(#subagent_checks)*
    }
}

/// The calls both forms share: enum-valued keys and values passed through.
fn common_calls(model: &AgentModel) -> TokenStream {
    let mut out = TokenStream::new();
    for call in &model.enums {
        let method = &call.method;
        let value = enum_tokens(&call.value, call.ty);
        out.extend(quote!(.#method(#value)));
    }
    for plain in &model.plain {
        let (method, value) = (&plain.method, &plain.value);
        out.extend(quote!(.#method(#value)));
    }
    out
}

fn enum_tokens(value: &EnumValue, ty: &str) -> TokenStream {
    let ty = syn::Ident::new(ty, proc_macro2::Span::call_site());
    match value {
        EnumValue::Known(lit) => quote!(__ca::options::#ty::from_name(#lit)),
        EnumValue::Expr(expr) => {
            quote_spanned!(expr.span()=> ::core::convert::Into::<__ca::options::#ty>::into(#expr))
        }
    }
}

fn tool_refs(entries: &[ToolEntry]) -> Vec<TokenStream> {
    entries.iter().map(tool_ref).collect()
}

fn tool_ref(entry: &ToolEntry) -> TokenStream {
    let span = entry_span(entry);
    match entry {
        ToolEntry::Named(lit) => quote!(__ca::agents::ToolRef::Named(#lit)),
        ToolEntry::Tool(path) => quote_spanned!(span=> __ca::agents::ToolRef::of::<#path>()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn expand_str(args: TokenStream, item: TokenStream) -> String {
        let mut errors = crate::diag::Errors::default();
        let args = super::super::parse::args(args, &mut errors);
        let model = AgentModel::build(args, &syn::parse2(item).unwrap(), &mut errors);
        errors.finish(()).unwrap();
        expand(&model, &quote!(::claude_agent)).to_string()
    }

    #[test]
    fn subagent_emits_agent_impl_tools_and_submission() {
        let out = expand_str(
            quote!(
                description = "d",
                tools = ["Read", add],
                model = "haiku",
                max_turns = 3
            ),
            quote!(
                /// Prompt.
                struct Reviewer;
            ),
        );
        assert!(
            out.contains("impl __ca :: agents :: Agent for Reviewer"),
            "{out}"
        );
        assert!(
            out.contains("const NAME : & 'static str = \"reviewer\""),
            "{out}"
        );
        assert!(out.contains("ToolRef :: of :: < AddTool > ()"), "{out}");
        assert!(out.contains(". max_turns (3)"), "{out}");
        assert!(out.contains("__private :: submit !"), "{out}");
    }

    #[test]
    fn main_agent_emits_options_checks_and_ask() {
        let out = expand_str(
            quote!(
                main,
                subagents = [Reviewer],
                disallowed_tools = ["Bash"],
                tools = ["Read"],
                output = Review
            ),
            quote!(
                pub struct Coder;
            ),
        );
        assert!(
            out.contains("impl __ca :: agents :: MainAgent for Coder"),
            "{out}"
        );
        assert!(out.contains(". subagent :: < Reviewer > ()"), "{out}");
        assert!(out.contains("check_subagent_tools"), "{out}");
        assert!(out.contains("\"Read\" , \"Agent\""), "{out}");
        assert!(out.contains("pub async fn ask"), "{out}");
        assert!(!out.contains("submit !"), "{out}");
    }
}
