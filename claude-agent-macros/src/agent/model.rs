//! Validation: turns the arguments and the struct into an [`AgentModel`] the expansion cannot
//! fail on. Every check reports on the smallest offending token, and all are reported at once.

use proc_macro2::Span;
use quote::format_ident;
use syn::spanned::Spanned;
use syn::{Expr, ExprLit, Ident, ItemStruct, Lit, LitStr, Path, Type};

use super::names::{check_model, kebab_case, validate_agent_name};
use super::parse::{Arg, Form, KEYS, Value};
use crate::diag::Errors;
use crate::idents::{doc_text, pascal_case, unraw};
use crate::suggest::suggestion;

/// A tool named in `tools`, `disallowed_tools` or `allowed_tools`.
pub(crate) enum ToolEntry {
    /// A name as written (`"Read"`).
    Named(LitStr),
    /// The handle type of a `#[tool]` (`add` → `AddTool`), spanned on the user's path.
    Tool(Path),
}

/// An enum-valued key: a checked wire spelling, or an expression converted with `Into`.
pub(crate) enum EnumValue {
    Known(LitStr),
    Expr(Expr),
}

/// A builder call `.method(value)` whose value is passed through as written.
pub(crate) struct Plain {
    pub(crate) method: Ident,
    pub(crate) value: Expr,
}

/// An enum-valued builder call: `.method(Type::from_name(..))`.
pub(crate) struct EnumCall {
    pub(crate) method: Ident,
    pub(crate) ty: &'static str,
    pub(crate) value: EnumValue,
}

/// Everything the expansion needs, validated.
pub(crate) struct AgentModel {
    pub(crate) item: ItemStruct,
    pub(crate) main: bool,
    pub(crate) crate_path: Option<Path>,
    pub(crate) name: String,
    pub(crate) description: Option<Expr>,
    /// The (system) prompt: the key's expression, else the doc comment.
    pub(crate) prompt: Option<Expr>,
    pub(crate) model: Option<Expr>,
    pub(crate) tools: Option<Vec<ToolEntry>>,
    pub(crate) disallowed_tools: Option<Vec<ToolEntry>>,
    pub(crate) allowed_tools: Option<Vec<ToolEntry>>,
    pub(crate) mcp_servers: Vec<Expr>,
    pub(crate) skills: Option<Vec<Expr>>,
    pub(crate) plain: Vec<Plain>,
    pub(crate) enums: Vec<EnumCall>,
    pub(crate) subagents: Vec<Path>,
    pub(crate) hooks: Vec<Path>,
    pub(crate) setting_sources: Option<Vec<EnumValue>>,
    pub(crate) output: Option<Type>,
}

const PERMISSION_MODES: &[&str] = &[
    "default",
    "acceptEdits",
    "plan",
    "bypassPermissions",
    "dontAsk",
    "auto",
];
const EFFORTS: &[&str] = &["low", "medium", "high", "xhigh", "max"];
const SOURCES: &[&str] = &["user", "project", "local"];

impl AgentModel {
    /// Checks the struct against `args`, recording every problem in `errors` (which already
    /// holds the argument parser's); the model is returned even when there are errors.
    pub(crate) fn build(args: Vec<Arg>, item: &ItemStruct, errors: &mut Errors) -> Self {
        // A misspelt key was dropped by the parser: do not also report it as missing.
        let args_parsed = errors.is_empty();
        let main = args.iter().any(|a| a.key == "main");
        check_struct(item, errors);
        let mut model = AgentModel {
            item: item.clone(),
            main,
            crate_path: None,
            name: kebab_case(&unraw(&item.ident)),
            description: None,
            prompt: None,
            model: None,
            tools: None,
            disallowed_tools: None,
            allowed_tools: None,
            mcp_servers: Vec::new(),
            skills: None,
            plain: Vec::new(),
            enums: Vec::new(),
            subagents: Vec::new(),
            hooks: Vec::new(),
            setting_sources: None,
            output: None,
        };
        for Arg { key, value } in args {
            let name = key.to_string();
            let form = KEYS
                .iter()
                .find(|(k, _)| *k == name)
                .map_or(Form::Both, |(_, f)| *f);
            match (form, main) {
                (Form::Main, false) if name != "main" => {
                    errors.at(
                        &key,
                        format!("`{name}` is a key of the main agent: write `#[agent(main, ..)]`"),
                    );
                    continue;
                }
                (Form::Subagent, true) => {
                    let hint = match name.as_str() {
                        "prompt" => "; the main agent's prompt is `system_prompt`",
                        _ => "",
                    };
                    errors.at(
                        &key,
                        format!("`{name}` is a subagent key, not one of `#[agent(main)]`{hint}"),
                    );
                    continue;
                }
                _ => {}
            }
            model.take(key, value, errors);
        }
        if model.prompt.is_none() {
            model.prompt = Some(doc_text(&item.attrs))
                .filter(|doc| !doc.is_empty())
                .map(|doc| {
                    Expr::Lit(ExprLit {
                        attrs: Vec::new(),
                        lit: Lit::Str(LitStr::new(&doc, item.ident.span())),
                    })
                });
        }
        if !main && args_parsed {
            if model.description.is_none() {
                errors.at(
                    &item.ident,
                    "a subagent needs `description = \"..\"`: when the main agent should use it",
                );
            }
            if model.prompt.is_none() {
                errors.at(
                    &item.ident,
                    "a subagent needs a system prompt: write a doc comment on the struct or \
                     `prompt = \"..\"`",
                );
            }
        }
        model
    }

    /// Interprets one key's value.
    fn take(&mut self, key: Ident, value: Value, errors: &mut Errors) {
        let name = key.to_string();
        let expr = match value {
            Value::Flag if name == "background" => syn::parse_quote_spanned!(key.span()=> true),
            Value::Flag => return,
            Value::Type(ty) => {
                self.output = Some(ty);
                return;
            }
            Value::Path(path) => {
                self.crate_path = Some(path);
                return;
            }
            Value::Expr(expr) => expr,
        };
        match name.as_str() {
            "name" => match lit_str(&expr) {
                Some(lit) => match validate_agent_name(&lit.value()) {
                    Ok(()) => self.name = lit.value(),
                    Err(problem) => errors.at(lit, problem),
                },
                None => errors.at(&expr, "`name` is a string literal"),
            },
            "description" => self.description = Some(expr),
            "prompt" | "system_prompt" => self.prompt = Some(expr),
            "model" => {
                if let Some(lit) = lit_str(&expr)
                    && let Err(problem) = check_model(&lit.value())
                {
                    errors.at(lit, problem);
                }
                self.model = Some(expr);
            }
            "tools" => self.tools = Some(tool_list(&expr, errors)),
            "disallowed_tools" => self.disallowed_tools = Some(tool_list(&expr, errors)),
            "allowed_tools" => self.allowed_tools = Some(tool_list(&expr, errors)),
            "mcp_servers" => self.mcp_servers = list(&expr, errors),
            "skills" => self.skills = Some(list(&expr, errors)),
            "permission_mode" => {
                self.enum_call(key, "PermissionMode", PERMISSION_MODES, expr, errors)
            }
            "effort" => self.enum_call(key, "Effort", EFFORTS, expr, errors),
            "memory" => self.enum_call(key, "AgentMemory", SOURCES, expr, errors),
            "setting_sources" => {
                let values = list(&expr, errors)
                    .into_iter()
                    .map(|e| enum_value(e, SOURCES, errors))
                    .collect();
                self.setting_sources = Some(values);
            }
            "subagents" | "hooks" => {
                let paths = list(&expr, errors).into_iter().filter_map(|e| match e {
                    Expr::Path(p) if p.qself.is_none() => Some(p.path),
                    other => {
                        errors.at(&other, format!("`{name}` lists paths, e.g. `[Reviewer]`"));
                        None
                    }
                });
                if name == "hooks" {
                    self.hooks = paths.map(|p| handle(p, "Hook")).collect();
                } else {
                    self.subagents = paths.collect();
                }
            }
            _ => self.plain.push(Plain {
                method: key,
                value: expr,
            }),
        }
    }

    fn enum_call(
        &mut self,
        method: Ident,
        ty: &'static str,
        known: &[&str],
        expr: Expr,
        errors: &mut Errors,
    ) {
        let value = enum_value(expr, known, errors);
        self.enums.push(EnumCall { method, ty, value });
    }
}

/// A unit struct without generics; anything else is reported.
fn check_struct(item: &ItemStruct, errors: &mut Errors) {
    if !matches!(item.fields, syn::Fields::Unit) {
        errors.at(
            &item.fields,
            "`#[agent]` goes on a unit struct (`struct Reviewer;`): an agent is a description, \
             not a value with state; give stateful tools and hooks their own type (see the \
             `claude_agent::agents` docs, \"State\")",
        );
    }
    if !item.generics.params.is_empty() {
        errors.at(&item.generics, "`#[agent]` structs cannot be generic");
    }
}

fn enum_value(expr: Expr, known: &[&str], errors: &mut Errors) -> EnumValue {
    match lit_str(&expr) {
        Some(lit) if known.contains(&lit.value().as_str()) => EnumValue::Known(lit.clone()),
        Some(lit) => {
            errors.at(
                lit,
                format!(
                    "unknown value `{}`{}; expected one of: {}",
                    lit.value(),
                    suggestion(&lit.value(), known),
                    known.join(", ")
                ),
            );
            EnumValue::Known(lit.clone())
        }
        None => EnumValue::Expr(expr),
    }
}

/// The elements of `[a, b, ..]`.
fn list(expr: &Expr, errors: &mut Errors) -> Vec<Expr> {
    match expr {
        Expr::Array(array) => array.elems.iter().cloned().collect(),
        other => {
            errors.at(other, "expected a list: `[..]`");
            Vec::new()
        }
    }
}

fn tool_list(expr: &Expr, errors: &mut Errors) -> Vec<ToolEntry> {
    list(expr, errors)
        .into_iter()
        .filter_map(|e| match e {
            Expr::Lit(ExprLit {
                lit: Lit::Str(lit), ..
            }) if lit.value().trim().is_empty() => {
                errors.at(&lit, "a tool name cannot be empty");
                None
            }
            Expr::Lit(ExprLit {
                lit: Lit::Str(lit), ..
            }) => Some(ToolEntry::Named(lit)),
            Expr::Path(p) if p.qself.is_none() => Some(ToolEntry::Tool(handle(p.path, "Tool"))),
            other => {
                errors.at(
                    &other,
                    "a tool is a built-in name (`\"Read\"`) or a `#[tool]` function (`add`)",
                );
                None
            }
        })
        .collect()
}

/// `add` → `AddTool` (a `#[tool]` function's handle), `guard` → `GuardHook`; a path already
/// naming a type (`AddTool`, `my::Tool`) is kept. The new segment keeps the user's span.
fn handle(mut path: Path, suffix: &str) -> Path {
    if let Some(last) = path.segments.last_mut() {
        let name = unraw(&last.ident);
        if name.starts_with(|c: char| c.is_lowercase() || c == '_') {
            last.ident = format_ident!("{}{suffix}", pascal_case(&name), span = last.ident.span());
        }
    }
    path
}

fn lit_str(expr: &Expr) -> Option<&LitStr> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Str(lit), ..
        }) => Some(lit),
        _ => None,
    }
}

/// The span of a tool entry (for spanned checks).
pub(crate) fn entry_span(entry: &ToolEntry) -> Span {
    match entry {
        ToolEntry::Named(lit) => lit.span(),
        ToolEntry::Tool(path) => path.span(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use quote::quote;

    fn build(
        args: proc_macro2::TokenStream,
        item: proc_macro2::TokenStream,
    ) -> syn::Result<AgentModel> {
        let mut errors = Errors::default();
        let args = super::super::parse::args(args, &mut errors);
        let model = AgentModel::build(args, &syn::parse2(item)?, &mut errors);
        errors.finish(model)
    }

    #[test]
    fn subagent_takes_name_prompt_and_tool_handles() {
        let m = build(
            quote!(description = "d", tools = ["Read", word_count, my::AddTool]),
            quote!(
                /// You review.
                ///
                /// Be brief.
                struct CodeReviewer;
            ),
        )
        .unwrap();
        assert_eq!(m.name, "code-reviewer");
        let prompt = m.prompt.unwrap();
        assert_eq!(
            quote!(#prompt).to_string(),
            "\"You review.\\n\\nBe brief.\""
        );
        let tools: Vec<String> = m
            .tools
            .unwrap()
            .iter()
            .map(|t| match t {
                ToolEntry::Named(l) => l.value(),
                ToolEntry::Tool(p) => quote!(#p).to_string(),
            })
            .collect();
        assert_eq!(tools, ["Read", "WordCountTool", "my :: AddTool"]);
    }

    #[test]
    fn keys_of_the_other_form_are_refused() {
        let err = build(
            quote!(description = "d", subagents = [A]),
            quote!(
                struct A;
            ),
        )
        .err()
        .unwrap();
        assert!(err.to_string().contains("key of the main agent"), "{err}");
        let err = build(
            quote!(main, prompt = "p"),
            quote!(
                struct A;
            ),
        )
        .err()
        .unwrap();
        assert!(err.to_string().contains("`system_prompt`"), "{err}");
    }

    #[test]
    fn reports_every_value_problem_at_once() {
        let err = build(
            quote!(
                name = "a b",
                model = "sonet",
                permission_mode = "plam",
                tools = [1]
            ),
            quote!(
                struct A {
                    x: u8,
                }
            ),
        )
        .err()
        .unwrap();
        let messages: Vec<String> = err.into_iter().map(|e| e.to_string()).collect();
        // fields, name, model, permission mode, tool, missing description, missing prompt.
        assert_eq!(messages.len(), 7, "{messages:#?}");
        assert!(messages.iter().any(|m| m.contains("did you mean `plan`")));
    }
}
