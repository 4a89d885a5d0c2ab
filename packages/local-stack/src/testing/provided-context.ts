// What the vitest global setup hands to every test file of the run.
declare module "vitest" {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    cognitoEndpoint: string;
  }
}

export {};
