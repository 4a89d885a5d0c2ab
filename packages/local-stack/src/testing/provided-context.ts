// What the vitest global setup hands to every test file of the run.
declare module "vitest" {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    cognitoEndpoint: string;
    /** Where cognito-local keeps its database: confirmation codes are read from it. */
    cognitoDataDir: string;
  }
}

export {};
