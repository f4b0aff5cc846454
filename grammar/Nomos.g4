// The Nomos language (LANGUAGE.md §1–§7). C++ is generated from this file at build time by
// the ANTLR tool; compiler/syntax lowers the parse tree into the AST of compiler/ast.
//
// Some checks are deliberately left to the lowering, where the message can say more than a
// parser could: the order of the `module` line, imports and declarations; the order and
// number of a norm's clauses; `may not`; the words after `expect` that are not reserved.
grammar Nomos;

// ================================================================ files

file
  : topLevel* EOF
  ;

// The lowering checks that `module` comes first and imports before declarations.
topLevel
  : moduleDecl
  | importDecl
  | declaration
  ;

moduleDecl
  : MODULE qualName ';'
  ;

// A quoted file path is accepted here only so that sema can explain (N2023) that an
// import names a module.
importDecl
  : IMPORT PUBLIC? ( qualName | path=StringLiteral ) ';'
  ;

declaration
  : jurisdictionDecl
  | dimensionDecl
  | factDecl
  | actionDecl
  | incompatibleDecl
  | actorDecl
  | disjointDecl
  | levelsDecl
  | bodyDecl
  | instrumentDecl
  | normDecl
  | sovereigntyDecl
  | agreementDecl
  | testDecl
  ;

// ================================================================ vocabulary

jurisdictionDecl
  : JURISDICTION name=Identifier title? ( '{' membersClause* '}' | ';' )
  ;

membersClause
  : MEMBERS Identifier ( ',' Identifier )* ';'
  ;

dimensionDecl
  : CLOSED? DIMENSION name=Identifier ( ':' TERRITORY )? title? ( taxonomyBlock | ';' )
  ;

// The categories of a dimension and the child actions of an action: a tree of names.
taxonomyBlock
  : '{' taxonomyNode* '}'
  ;

taxonomyNode
  : name=Identifier title? ( taxonomyBlock | ';' )
  ;

factDecl
  : FACT name=Identifier ( ':' COUNT )? title? ';'
  ;

actionDecl
  : ACTION name=Identifier title? ( taxonomyBlock | ';' )
  ;

incompatibleDecl
  : INCOMPATIBLE nameList ';'
  ;

actorDecl
  : ACTOR name=Identifier ( ':' parents=nameList )? title? ';'
  ;

disjointDecl
  : DISJOINT nameList ';'
  ;

// Highest level first; a single level is allowed.
levelsDecl
  : LEVELS Identifier ( '>' Identifier )* ';'
  ;

bodyDecl
  : BODY name=Identifier ':' actorClass=qualName title? ';'
  ;

// ================================================================ instruments and norms

// Fields in any order; every occurrence is kept so that sema can report duplicates.
instrumentDecl
  : INSTRUMENT name=Identifier title? '{' instrumentField* '}'
  ;

instrumentField
  : ISSUER qualName ';'             # issuerField
  | LEVEL qualName ';'              # levelField
  | EFFECTIVE DateLiteral ';'       # effectiveField
  | UNTIL DateLiteral ';'           # untilField
  ;

// norm ID "title" [from I [article "x"]]: Subject MODALITY action clauses… ;
// The clauses are parsed as a list so that a misplaced or repeated clause gets a precise
// message from the lowering instead of a generic parse error.
normDecl
  : NORM name=Identifier title? citation? ':' subject=qualName modality action=qualName normClause* ';'
  ;

citation
  : FROM instrument=qualName ( ARTICLE article=StringLiteral )?
  ;

// `may not` is accepted here only to be rejected with a hint by the lowering.
modality
  : MUST NOT?
  | MAY NOT?
  | NEED NOT
  ;

normClause
  : WHERE condition                 # whereClause
  | UNLESS condition                # unlessClause
  | WITHIN duration                 # withinClause
  | EFFECTIVE DateLiteral           # effectiveClause
  | UNTIL DateLiteral               # untilClause
  | PREVAILS OVER nameList          # prevailsClause
  ;

duration
  : IntegerLiteral timeUnit
  ;

timeUnit
  : HOUR | HOURS | DAY | DAYS
  ;

// ================================================================ conditions
// Precedence: `not` binds tighter than `and`, which binds tighter than `or`.

condition
  : andCondition ( OR andCondition )*
  ;

andCondition
  : notCondition ( AND notCondition )*
  ;

// A loop rather than recursion, so that a long run of `not` cannot exhaust the stack.
notCondition
  : NOT* primaryCondition
  ;

primaryCondition
  : '(' condition ')'                            # parenthesizedCondition
  | subject=qualName conditionTest?              # testedCondition
  ;

// What follows the dimension or fact; nothing at all means a yes/no fact.
conditionTest
  : NOT? IN valueSet                             # membershipTest
  | comparison IntegerLiteral                    # countTest
  ;

valueSet
  : qualName
  | '{' qualName ( ',' qualName )* '}'
  ;

comparison
  : '>=' | '>' | '<=' | '<' | '=='
  ;

// ================================================================ sovereignty and agreements

sovereigntyDecl
  : SOVEREIGNTY name=Identifier OF jurisdiction=qualName EXCLUSIVE? OVER condition ';'
  ;

agreementDecl
  : AGREEMENT name=Identifier title? BETWEEN parties=nameList '{' agreementItem* '}'
  ;

agreementItem
  : EFFECTIVE DateLiteral ';'                                        # agreementEffective
  | UNTIL DateLiteral ';'                                            # agreementUntil
  | from=qualName DEFERS TO to=qualName WHERE condition ';'          # deference
  ;

// ================================================================ tests

testDecl
  : TEST name=StringLiteral '{' testStatement* '}'
  ;

testStatement
  : GIVEN givenItem ( ',' givenItem | keywordGivenItem )* ';'        # givenStatement
  | EXPECT expectation ';'                                           # expectStatement
  ;

// The action and the date read naturally without a comma: `given Company doing disclose;`.
givenItem
  : keywordGivenItem
  | NOT qualName                                    // a fact that does not hold
  | qualName ( value=qualName | IntegerLiteral )?   // a class or fact; a dimension's value; a count
  ;

keywordGivenItem
  : DOING qualName
  | DATE DateLiteral
  ;

// `overlap` and `resolved` are not reserved words: the lowering checks the word and what
// follows it, so that a misspelt `forbiden by x` gets one message about the word.
expectation
  : status ( BY by=qualName )?                              # statusExpectation
  | CONFLICT nameList                                       # conflictExpectation
  | NOT APPLICABLE qualName                                 # notApplicableExpectation
  | word=Identifier nameList? ( BY by=qualName )?           # wordExpectation
  ;

status
  : OBLIGED | FORBIDDEN | PERMITTED | EXEMPT
  ;

// ================================================================ names and literals

nameList
  : qualName ( ',' qualName )*
  ;

qualName
  : Identifier ( '.' Identifier )*
  ;

title
  : StringLiteral
  ;

// ================================================================ lexer
// Keywords are reserved and case-sensitive: `IN` is a name. They come first, ACTION to
// WITHIN, in this order: compiler/syntax/token_kinds.cpp tells keywords by that range.

ACTION       : 'action' ;
ACTOR        : 'actor' ;
AGREEMENT    : 'agreement' ;
AND          : 'and' ;
APPLICABLE   : 'applicable' ;
ARTICLE      : 'article' ;
BETWEEN      : 'between' ;
BODY         : 'body' ;
BY           : 'by' ;
CLOSED       : 'closed' ;
CONFLICT     : 'conflict' ;
COUNT        : 'count' ;
DATE         : 'date' ;
DAY          : 'day' ;
DAYS         : 'days' ;
DEFERS       : 'defers' ;
DIMENSION    : 'dimension' ;
DISJOINT     : 'disjoint' ;
DOING        : 'doing' ;
EFFECTIVE    : 'effective' ;
EXCLUSIVE    : 'exclusive' ;
EXEMPT       : 'exempt' ;
EXPECT       : 'expect' ;
FACT         : 'fact' ;
FORBIDDEN    : 'forbidden' ;
FROM         : 'from' ;
GIVEN        : 'given' ;
HOUR         : 'hour' ;
HOURS        : 'hours' ;
IMPORT       : 'import' ;
IN           : 'in' ;
INCOMPATIBLE : 'incompatible' ;
INSTRUMENT   : 'instrument' ;
ISSUER       : 'issuer' ;
JURISDICTION : 'jurisdiction' ;
LEVEL        : 'level' ;
LEVELS       : 'levels' ;
MAY          : 'may' ;
MEMBERS      : 'members' ;
MODULE       : 'module' ;
MUST         : 'must' ;
NEED         : 'need' ;
NORM         : 'norm' ;
NOT          : 'not' ;
OBLIGED      : 'obliged' ;
OF           : 'of' ;
OR           : 'or' ;
OVER         : 'over' ;
PERMITTED    : 'permitted' ;
PREVAILS     : 'prevails' ;
PUBLIC       : 'public' ;
SOVEREIGNTY  : 'sovereignty' ;
TERRITORY    : 'territory' ;
TEST         : 'test' ;
TO           : 'to' ;
UNLESS       : 'unless' ;
UNTIL        : 'until' ;
WHERE        : 'where' ;
WITHIN       : 'within' ;

SEMI     : ';' ;
COLON    : ':' ;
COMMA    : ',' ;
DOT      : '.' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
GE       : '>=' ;
GT       : '>' ;
LE       : '<=' ;
LT       : '<' ;
EQ       : '==' ;

// Any digits-and-dashes shape is a date token, so that `2021-1-5` is reported as a date in
// the wrong form rather than as stray characters. The lowering validates YYYY-MM-DD.
DateLiteral    : Digit+ '-' Digit+ ( '-' Digit+ )? ;
IntegerLiteral : Digit+ ( '_' Digit+ )* ;
Identifier     : [A-Za-z_] [A-Za-z0-9_]* ;

// Escapes are decoded (and unknown ones reported) by the lowering.
StringLiteral  : '"' StringChar* '"' ;

// Ends at the line break: the parser treats it as a string, after an N1008.
UnterminatedString : '"' StringChar* '\\'? ;

// `///` but not `////`: the verbatim legal text of the next declaration.
DocComment     : '///' ( ~[/\r\n] ~[\r\n]* )? -> channel(HIDDEN) ;
LineComment    : '//' ~[\r\n]* -> skip ;
BlockComment   : '/*' .*? '*/' -> skip ;
// Shorter than BlockComment whenever a `*/` follows, so it only wins when none does.
UnterminatedComment : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* -> channel(HIDDEN) ;

Whitespace     : [ \t\r\n\f]+ -> skip ;

// Anything else, one byte at a time; reported as N1012 (or N1005) before parsing.
StrayCharacter : . -> channel(HIDDEN) ;

fragment Digit      : [0-9] ;
fragment StringChar : ~["\\\r\n] | '\\' ~[\r\n] ;
