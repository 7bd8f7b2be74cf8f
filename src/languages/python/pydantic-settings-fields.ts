import type { Node } from 'web-tree-sitter';
import type { PythonModule } from './module.ts';
import { nodesOfType } from './module.ts';
import { calleeName, keywordArgument, lastPart, positionalArguments, qualifiedName, stringValue } from './syntax.ts';

/** A field of a pydantic-settings class: an environment read with an optional default. */
export interface SettingsField {
  /** The variable it reads: the alias when given, else the field name (matched in any case). */
  envName: string;
  /** The default expression (`= "…"`, `Field("…")`, `Field(default="…")`); undefined when required. */
  fallback: Node | undefined;
  /** The field's whole annotated assignment. */
  node: Node;
}

const SETTINGS_BASES = new Set(['pydantic_settings.BaseSettings', 'pydantic.BaseSettings', 'pydantic.v1.BaseSettings']);
/** Class attributes of a settings class that configure it rather than declare a field. */
const NOT_FIELDS = new Set(['model_config']);

/**
 * The fields of the module's pydantic-settings classes (subclasses of `BaseSettings`, directly
 * or through a class of the same module): each reads the environment variable named by its
 * alias or its own name, and falls back to its default.
 */
export function pydanticSettingsFields(module: PythonModule): SettingsField[] {
  const classes = nodesOfType(module, 'class_definition').filter((node): node is Node => node !== null);
  const settingsClasses = new Set<string>();
  // Two passes let a subclass of a local settings class count whatever the order of definitions.
  for (let pass = 0; pass < 2; pass++) {
    for (const definition of classes) {
      const bases = definition.childForFieldName('superclasses')?.namedChildren ?? [];
      const isSettings = bases.some((base) => {
        const name = qualifiedName(module, base);
        return name !== undefined && (SETTINGS_BASES.has(name) || settingsClasses.has(name));
      });
      if (isSettings) settingsClasses.add(definition.childForFieldName('name')!.text);
    }
  }
  const fields: SettingsField[] = [];
  for (const definition of classes) {
    if (!settingsClasses.has(definition.childForFieldName('name')!.text)) continue;
    for (const statement of definition.childForFieldName('body')?.namedChildren ?? []) {
      const assignment = statement?.type === 'expression_statement' ? statement.firstNamedChild : undefined;
      const field = assignment?.type === 'assignment' ? fieldOf(module, assignment) : undefined;
      if (field) fields.push(field);
    }
  }
  return fields;
}

function fieldOf(module: PythonModule, assignment: Node): SettingsField | undefined {
  const name = assignment.childForFieldName('left');
  if (name?.type !== 'identifier' || !assignment.childForFieldName('type') || NOT_FIELDS.has(name.text)) return undefined;
  const value = assignment.childForFieldName('right') ?? undefined;
  if (value?.type === 'call' && lastPart(calleeName(module, value)) === 'Field') {
    const alias = stringValue(keywordArgument(value, 'alias')) ?? stringValue(keywordArgument(value, 'validation_alias'));
    const fallback = keywordArgument(value, 'default') ?? positionalArguments(value)[0];
    return { envName: alias ?? name.text, fallback: fallback?.type === 'ellipsis' ? undefined : fallback, node: assignment };
  }
  return { envName: name.text, fallback: value, node: assignment };
}
